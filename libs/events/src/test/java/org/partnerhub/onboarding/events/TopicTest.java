package org.partnerhub.onboarding.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TopicTest {

    @Test
    void theFiveTopicsByDefaultName() {
        assertThat(Arrays.stream(Topic.values()).map(Topic::defaultName)).containsExactly(
                "onboarding.permissions", "hub.webhooks", "channel.state", "channel.events", "channel.api-keys");
    }

    @Test
    void theStateTopicIsCompactedAndTheOthersKeepEverything() {
        assertThat(Topic.CHANNEL_STATE.configs()).containsEntry("cleanup.policy", "compact");
        for (Topic topic : Topic.values()) {
            assertThat(topic.partitions()).isEqualTo(6);
            if (topic != Topic.CHANNEL_STATE) {
                assertThat(topic.configs()).as(topic.defaultName())
                        .containsEntry("cleanup.policy", "delete")
                        .containsEntry("retention.ms", "-1");
            }
        }
    }

    @Test
    void deadLetterTopicsFollowTheConfiguredNameAndExpire() {
        assertThat(Topic.deadLetterTopic("prod.channel.events")).isEqualTo("prod.channel.events.dlq");
        assertThat(Topic.DEAD_LETTER_CONFIGS)
                .containsEntry("retention.ms", Long.toString(Duration.ofDays(30).toMillis()));
    }
}
