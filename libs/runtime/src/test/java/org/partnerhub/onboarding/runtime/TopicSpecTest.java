package org.partnerhub.onboarding.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.runtime.topics.TopicSpec;

class TopicSpecTest {

    @Test
    void catalogueTopicsKeepTheirSettings() {
        TopicSpec state = TopicSpec.of("channel.state");
        assertThat(state.configs()).containsEntry("cleanup.policy", "compact");
        assertThat(TopicSpec.of("hub.webhooks").configs()).containsEntry("retention.ms", "-1");
        assertThat(state.partitions()).isPositive();
    }

    @Test
    void deadLetterTopicsAreDeletedAfterAWhile() {
        TopicSpec dlq = TopicSpec.of("hub.webhooks.dlq");
        assertThat(dlq.configs()).containsEntry("cleanup.policy", "delete");
        assertThat(Long.parseLong(dlq.configs().get("retention.ms"))).isPositive();
    }

    @Test
    void aNameOutsideTheCatalogueIsRejectedWithTheChoices() {
        assertThatThrownBy(() -> TopicSpec.of("channel.stats"))
                .hasMessageContaining("channel.stats")
                .hasMessageContaining("channel.state");
    }
}
