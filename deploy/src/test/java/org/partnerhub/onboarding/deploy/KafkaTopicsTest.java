package org.partnerhub.onboarding.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.Topic;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/** The KafkaTopics are libs/events' catalogue plus the dead-letter topics the services write, with its settings. */
class KafkaTopicsTest {

    static final List<String> SERVICES = List.of("onboarding-gateway", "webhook-ingest", "channel-state", "key-provisioner");

    @Test
    void theTopicsAreWhatTheServicesWriteWithTheCataloguesPartitionsAndSettings() throws IOException {
        Chart.Rendered rendered = Chart.render(Chart.values("minimal"), Chart.valuesFile(Map.of(
                "topics.strimzi.enabled", true, "topics.strimzi.clusterName", "my-cluster")));
        List<GenericKubernetesResource> topics = rendered.allOfKind("KafkaTopic");

        Set<String> written = topicsTheServicesWrite();
        assertThat(written).as("every catalogue topic has a writer")
                .containsAll(Arrays.stream(Topic.values()).map(Topic::defaultName).toList());
        assertThat(topics).extracting(t -> (String) spec(t).get("topicName"))
                .containsExactlyInAnyOrderElementsOf(written);

        for (GenericKubernetesResource topic : topics) {
            String name = (String) spec(topic).get("topicName");
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "my-cluster");
            assertThat(topic.getMetadata().getAnnotations()).as("uninstalling must not delete the facts")
                    .containsEntry("helm.sh/resource-policy", "keep");
            assertThat(spec(topic)).as(name).containsOnlyKeys("topicName", "partitions", "config");
            assertThat(spec(topic).get("partitions")).as(name).isEqualTo(Topic.DEFAULT_PARTITIONS);
            assertThat(spec(topic).get("config")).as(name).isEqualTo(catalogueConfigs(name));
        }
        assertThat(rendered.all(ConfigMap.class)).allSatisfy(c -> assertThat(c.getData())
                .as("the services leave topic creation to Strimzi").containsEntry("ONBOARDING_TOPICS_CREATE", "false"));
    }

    @Test
    void replicasAndExtraSettingsApplyButCannotOverrideTheCatalogue() {
        Chart.Rendered rendered = Chart.render(Chart.values("all-features"), Chart.valuesFile(Map.of(
                "topics.config", Map.of("cleanup.policy", "compact", "min.insync.replicas", "2"))));
        GenericKubernetesResource facts = rendered.allOfKind("KafkaTopic").stream()
                .filter(t -> t.getMetadata().getName().equals("hub.webhooks")).findFirst().orElseThrow();
        assertThat(spec(facts)).containsEntry("replicas", 3);
        assertThat(spec(facts).get("config")).isEqualTo(Map.of(
                "cleanup.policy", "delete", "retention.ms", "-1", "min.insync.replicas", "2"));
    }

    @Test
    void threeReplicasGetAFloorOfTwoInSyncReplicasUnlessConfigured() {
        Chart.Rendered derived = Chart.render(Chart.values("minimal"), Chart.valuesFile(Map.of(
                "topics.strimzi.enabled", true, "topics.strimzi.clusterName", "my-cluster",
                "topics.replicationFactor", 3)));
        assertThat(derived.allOfKind("KafkaTopic")).allSatisfy(topic -> assertThat(spec(topic).get("config"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("min.insync.replicas", "2"));

        Chart.Rendered configured = Chart.render(Chart.values("minimal"), Chart.valuesFile(Map.of(
                "topics.strimzi.enabled", true, "topics.strimzi.clusterName", "my-cluster",
                "topics.replicationFactor", 3, "topics.minInsyncReplicas", 3)));
        assertThat(configured.allOfKind("KafkaTopic")).allSatisfy(topic -> assertThat(spec(topic).get("config"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("min.insync.replicas", "3"));
        assertThat(configured.all(ConfigMap.class)).allSatisfy(c -> assertThat(c.getData())
                .containsEntry("ONBOARDING_TOPICS_MIN_INSYNC_REPLICAS", "3"));
    }

    private static Map<String, String> catalogueConfigs(String name) {
        for (Topic topic : Topic.values()) {
            if (topic.defaultName().equals(name)) {
                return topic.configs();
            }
            if (Topic.deadLetterTopic(topic.defaultName()).equals(name)) {
                return Topic.DEAD_LETTER_CONFIGS;
            }
        }
        throw new AssertionError(name + " is neither a catalogue topic nor the .dlq of one");
    }

    /** The union of the services' onboarding.topics.writes, from their application.properties in this repository. */
    private static Set<String> topicsTheServicesWrite() throws IOException {
        Set<String> topics = new TreeSet<>();
        for (String service : SERVICES) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(
                    Path.of("..", service, "src", "main", "resources", "application.properties"))) {
                properties.load(reader);
            }
            String writes = properties.getProperty("onboarding.topics.writes");
            assertThat(writes).as(service + " names the topics it writes").isNotBlank();
            topics.addAll(Arrays.stream(writes.split(",")).map(String::trim).collect(Collectors.toSet()));
        }
        return topics;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource topic) {
        return new HashMap<>((Map<String, Object>) topic.getAdditionalProperties().get("spec"));
    }
}
