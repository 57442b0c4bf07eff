package org.partnerhub.onboarding.runtime.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MinInsyncReplicasTest {

    @ParameterizedTest(name = "configured {0}, replication {1} -> {2}")
    @CsvSource({
            "-1, 1, ",
            "-1, 2, ",
            "-1, 3, 2",
            "-1, 5, 2",
            "1, 3, 1",
            "3, 3, 3",
            "2, 2, 2"
    })
    void aFloorOfTwoOnceThreeReplicasCanCarryIt(int configured, int replication, Integer expected) {
        OptionalInt floor = MinInsyncReplicas.of(configured, replication);

        assertThat(floor).isEqualTo(expected == null ? OptionalInt.empty() : OptionalInt.of(expected));
    }

    @ParameterizedTest(name = "configured {0}, replication {1}")
    @CsvSource({"2, 1", "4, 3", "0, 3"})
    void aFloorTheReplicasCannotMeetIsRefused(int configured, int replication) {
        assertThatThrownBy(() -> MinInsyncReplicas.of(configured, replication))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("onboarding.topics.min-insync-replicas=" + configured);
    }
}
