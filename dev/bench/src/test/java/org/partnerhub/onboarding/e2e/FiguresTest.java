package org.partnerhub.onboarding.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class FiguresTest {

    private static final Instant T0 = Instant.parse("2026-11-30T07:00:00Z");

    @Test
    void latenciesAreNearestRankPercentilesOfRedirectToKey() {
        Figures.Latencies latencies = Figures.Latencies.of(LongStream.rangeClosed(1, 200).map(i -> 201 - i).toArray());

        assertThat(latencies.p50()).isEqualTo(Duration.ofMillis(100));
        assertThat(latencies.p90()).isEqualTo(Duration.ofMillis(180));
        assertThat(latencies.p99()).isEqualTo(Duration.ofMillis(198));
        assertThat(latencies.max()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aSingleLatencyIsEveryPercentile() {
        Figures.Latencies latencies = Figures.Latencies.of(new long[] {700});

        assertThat(latencies).isEqualTo(new Figures.Latencies(Duration.ofMillis(700), Duration.ofMillis(700),
                Duration.ofMillis(700), Duration.ofMillis(700)));
    }

    /** Four redirects one second apart, each keyed two seconds later; the last webhook half a second before its key. */
    @Test
    void ratesAndWallTimesRunFromTheFirstRedirectToTheLastKey() {
        Map<String, Instant> redirected = new HashMap<>();
        Map<String, Instant> keyed = new HashMap<>();
        for (int i = 0; i < 4; i++) {
            redirected.put("ch" + i, T0.plusSeconds(i));
            keyed.put("ch" + i, T0.plusSeconds(i + 2));
        }
        Figures figures = new Figures(redirected, keyed, T0.plusMillis(4500));

        assertThat(figures.wall()).isEqualTo(Duration.ofSeconds(5));
        assertThat(figures.lastRedirectToLastKey()).isEqualTo(Duration.ofSeconds(2));
        assertThat(figures.lastWebhookToLastKey()).isEqualTo(Duration.ofMillis(500));
        assertThat(figures.onboardingsPerSecond()).isEqualTo(0.8);
        assertThat(figures.keysPerSecond()).isCloseTo(4 / 3.0, within(1e-9));
        assertThat(figures.drainPerSecond()).as("one key in the half second after the last webhook").isEqualTo(2.0);
        assertThat(figures.latencies().max()).isEqualTo(Duration.ofSeconds(2));
        assertThat(figures.complete()).isTrue();
        assertThat(figures.line()).contains("n=4 keyed=4 missing=0 wall=5.0s redirects=3.0s",
                "last-webhook-to-last-key=0.5s", "onboardings/s=0.8 keys/s=1.3 drain-keys/s=2.0", "latency-p50=2000ms");
        assertThat(figures.tableRow("load 1.0")).isEqualTo(
                "| 4 | 5.0 s | 0.5 s | 0.8 | 1.3 | 2.0 | 2.0 s | 2.0 s | 2.0 s | 2.0 s | load 1.0 |");
    }

    @Test
    void aChannelWithoutKeyIsMissingAndLeftOutOfTheLatencies() {
        Figures figures = new Figures(Map.of("a", T0, "b", T0.plusSeconds(1)), Map.of("a", T0.plusSeconds(3)),
                T0.plusSeconds(2));

        assertThat(figures.missing()).containsExactly("b");
        assertThat(figures.complete()).isFalse();
        assertThat(figures.latencies().max()).isEqualTo(Duration.ofSeconds(3));
        assertThat(figures.drainPerSecond()).isEqualTo(1.0);
    }

    @Test
    void noKeyAfterTheLastWebhookDrainsNothing() {
        Figures figures = new Figures(Map.of("a", T0), Map.of("a", T0.plusSeconds(1)), T0.plusSeconds(2));

        assertThat(figures.drainPerSecond()).isZero();
    }

    @Test
    void aKeyOfAChannelNotRedirectedInTheRoundIsRefused() {
        assertThatThrownBy(() -> new Figures(Map.of("a", T0), Map.of("a", T0, "other", T0), T0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
