package org.partnerhub.onboarding.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AsyncApiDocumentTest {

    private static JsonNode document;

    @BeforeAll
    static void read() throws Exception {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/asyncapi.yaml")) {
            document = new YAMLMapper().readTree(in);
        }
    }

    @Test
    void isAnAsyncApi3Document() {
        assertThat(document.get("asyncapi").asText()).startsWith("3.");
        assertThat(document.at("/info/title").asText()).isNotBlank();
        assertThat(document.get("channels")).hasSize(Topic.values().length);
    }

    @ParameterizedTest
    @EnumSource(Topic.class)
    void everyTopicIsAChannelWithItsKeySettings(Topic topic) {
        JsonNode channel = channel(topic);
        JsonNode kafka = channel.at("/bindings/kafka");

        assertThat(kafka.get("partitions").asInt()).isEqualTo(topic.partitions());
        assertThat(kafka.at("/topicConfiguration/cleanup.policy/0").asText())
                .isEqualTo(topic.configs().get("cleanup.policy"));
        if (topic.configs().containsKey("retention.ms")) {
            assertThat(kafka.at("/topicConfiguration/retention.ms").asText())
                    .isEqualTo(topic.configs().get("retention.ms"));
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyTypeIsAMessageOfItsTopicWithKeyAndSchema(EventType type) {
        JsonNode reference = channel(type.topic()).at("/messages/" + type.ceType() + "/$ref");
        assertThat(reference.asText()).isEqualTo("#/components/messages/" + type.ceType());

        JsonNode message = document.at("/components/messages").get(type.ceType());
        assertThat(message.get("name").asText()).isEqualTo(type.ceType());
        assertThat(message.at("/bindings/kafka/key/description").asText()).isNotBlank();
        assertThat(message.at("/payload/schema/$ref").asText()).isEqualTo("./" + type.schemaResource());
        assertThat(getClass().getClassLoader().getResource(type.schemaResource())).isNotNull();
    }

    @Test
    void listsNoMessageThatIsNotAType() {
        List<String> messages = new ArrayList<>();
        document.at("/components/messages").fieldNames().forEachRemaining(messages::add);

        assertThat(messages).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(EventType.values()).map(EventType::ceType).toList());
    }

    @Test
    void everySchemaFileIsReferenced() {
        List<String> referenced = StreamSupport.stream(document.at("/components/messages").spliterator(), false)
                .map(message -> message.at("/payload/schema/$ref").asText().replaceFirst("^\\./schemas/", ""))
                .toList();

        assertThat(Schemas.fileNames("schemas")).isNotEmpty().allSatisfy(file -> assertThat(referenced).contains(file));
    }

    private static JsonNode channel(Topic topic) {
        List<JsonNode> channels = StreamSupport.stream(document.get("channels").spliterator(), false)
                .filter(channel -> channel.get("address").asText().equals(topic.defaultName()))
                .toList();
        assertThat(channels).as("channels with address " + topic.defaultName()).hasSize(1);
        return channels.get(0);
    }
}
