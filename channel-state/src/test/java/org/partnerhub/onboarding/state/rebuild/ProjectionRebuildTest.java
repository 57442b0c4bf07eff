package org.partnerhub.onboarding.state.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerhub.onboarding.state.ingest.Onboarding.channelOnceRunning;
import static org.partnerhub.onboarding.state.ingest.Onboarding.onboarding;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.state.fold.ChannelState;
import org.partnerhub.onboarding.state.ingest.KafkaTopics;
import org.partnerhub.onboarding.state.store.ProjectionQueries;
import org.partnerhub.onboarding.state.store.ProjectionQueries.ChannelFilter;
import org.partnerhub.onboarding.testkit.KafkaPostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(KafkaPostgresTestResource.class)
class ProjectionRebuildTest {

    @Inject
    ProjectionRebuild rebuild;

    @Inject
    ProjectionQueries queries;

    private List<ChannelState> everyChannel() {
        return queries.channels(new ChannelFilter(null, null, null, null, null, 500)).await().indefinitely()
                .stream().map(ChannelState::withoutArrivalOrder).toList();
    }

    @Test
    void theRebuiltProjectionEqualsTheLiveOne() {
        KafkaTopics.publish(onboarding("-rebuilt"));
        channelOnceRunning("y9MiLoCH-rebuilt");
        List<ChannelState> live = everyChannel();

        ProjectionRebuild.Result result = rebuild.rebuild();

        assertThat(result.records()).isGreaterThanOrEqualTo(onboarding("-rebuilt").size());
        assertThat(everyChannel()).isEqualTo(live);
    }
}
