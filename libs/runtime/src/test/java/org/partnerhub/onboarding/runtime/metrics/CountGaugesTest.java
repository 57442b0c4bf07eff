package org.partnerhub.onboarding.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;

class CountGaugesTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void knownCombinationsReadZeroBeforeTheFirstCount() {
        new CountGauges(registry, "things.counted", "things", List.of(Tags.of("hub", "main")));

        assertThat(value("main", null)).isZero();
    }

    @Test
    void aCombinationNoLongerCountedDropsToZeroInsteadOfKeepingItsLastValue() {
        CountGauges gauges = new CountGauges(registry, "things.counted", "things", List.of());
        gauges.update(Map.of(Tags.of("hub", "main", "kind", "a"), 3L, Tags.of("hub", "other", "kind", "a"), 1L));
        assertThat(value("main", "a")).isEqualTo(3);

        gauges.update(Map.of(Tags.of("hub", "other", "kind", "a"), 2L));

        assertThat(value("main", "a")).isZero();
        assertThat(value("other", "a")).isEqualTo(2);
        assertThat(registry.find("things.counted").gauges()).hasSize(2);
    }

    @Test
    void aFailedCountLeavesTheLastCount() {
        CountGauges gauges = new CountGauges(registry, "things.counted", "things", List.of());
        gauges.refresh(Uni.createFrom().item(Map.of(Tags.of("hub", "main"), 4L))).await().indefinitely();

        gauges.refresh(Uni.createFrom().failure(new IllegalStateException("database gone"))).await().indefinitely();

        assertThat(value("main", null)).isEqualTo(4);
    }

    private double value(String hub, String kind) {
        var search = registry.find("things.counted").tag("hub", hub);
        return (kind == null ? search : search.tag("kind", kind)).gauge().value();
    }
}
