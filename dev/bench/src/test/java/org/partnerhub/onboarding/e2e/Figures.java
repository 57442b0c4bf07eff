package org.partnerhub.onboarding.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one round of onboardings measured, from instants on one clock: this machine's wall clock, which the benchmark
 * reads at each redirect and the services' Kafka producers stamp on their records.
 *
 * @param redirected when the gateway's redirect page answered, per channel
 * @param keyed when each of these channels (and no other)'s first {@code api-key.provisioned} was written, per channel that has one
 * @param lastWebhook the last partner webhook webhook-ingest accepted for one of the round's channels
 */
record Figures(Map<String, Instant> redirected, Map<String, Instant> keyed, Instant lastWebhook) {

    /** Latencies from redirect to key at the 50th, 90th and 99th percentile and the longest, nearest rank. */
    record Latencies(Duration p50, Duration p90, Duration p99, Duration max) {

        static Latencies of(long[] millis) {
            long[] sorted = millis.clone();
            Arrays.sort(sorted);
            return new Latencies(rank(sorted, 50), rank(sorted, 90), rank(sorted, 99),
                    Duration.ofMillis(sorted[sorted.length - 1]));
        }

        private static Duration rank(long[] sorted, int percentile) {
            int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
            return Duration.ofMillis(sorted[Math.max(rank, 1) - 1]);
        }
    }

    Figures {
        if (keyed.isEmpty() || !redirected.keySet().containsAll(keyed.keySet())) {
            throw new IllegalArgumentException("keys must be of the redirected channels, and at least one");
        }
        redirected = Map.copyOf(redirected);
        keyed = Map.copyOf(keyed);
    }

    int onboardings() {
        return redirected.size();
    }

    /** Channels redirected and never keyed. */
    Set<String> missing() {
        Set<String> missing = new TreeSet<>(redirected.keySet());
        missing.removeAll(keyed.keySet());
        return missing;
    }

    boolean complete() {
        return missing().isEmpty();
    }

    Instant firstRedirect() {
        return Collections.min(redirected.values());
    }

    Instant lastRedirect() {
        return Collections.max(redirected.values());
    }

    Instant firstKey() {
        return Collections.min(keyed.values());
    }

    Instant lastKey() {
        return Collections.max(keyed.values());
    }

    /** First redirect to last key: the round's wall time. */
    Duration wall() {
        return Duration.between(firstRedirect(), lastKey());
    }

    Duration lastRedirectToLastKey() {
        return Duration.between(lastRedirect(), lastKey());
    }

    Duration lastWebhookToLastKey() {
        return Duration.between(lastWebhook, lastKey());
    }

    /** Onboardings over the round's wall time. */
    double onboardingsPerSecond() {
        return perSecond(onboardings(), wall());
    }

    /** Keys over the time from the first key to the last: what key-provisioner turned out while it had work. */
    double keysPerSecond() {
        return perSecond(keyed.size(), Duration.between(firstKey(), lastKey()));
    }

    /**
     * Keys written after the last webhook over the time from it to the last key: the rate at which key-provisioner
     * works off what is left once nothing new arrives, its throughput with a queue rather than the rate of arrivals.
     * Zero when no key came after the last webhook.
     */
    double drainPerSecond() {
        long after = keyed.values().stream().filter(at -> at.isAfter(lastWebhook)).count();
        return after == 0 ? 0 : perSecond((int) after, lastWebhookToLastKey());
    }

    Latencies latencies() {
        return Latencies.of(keyed.entrySet().stream()
                .mapToLong(key -> Duration.between(redirected.get(key.getKey()), key.getValue()).toMillis())
                .toArray());
    }

    /** One line of {@code name=value} pairs, seconds with one decimal and milliseconds for the latencies. */
    String line() {
        Latencies latencies = latencies();
        return String.format(Locale.ROOT, "n=%d keyed=%d missing=%d wall=%.1fs redirects=%.1fs "
                + "last-webhook-to-last-key=%.1fs last-redirect-to-last-key=%.1fs onboardings/s=%.1f keys/s=%.1f "
                + "drain-keys/s=%.1f latency-p50=%dms latency-p90=%dms latency-p99=%dms latency-max=%dms", onboardings(),
                keyed.size(), missing().size(), seconds(wall()),
                seconds(Duration.between(firstRedirect(), lastRedirect())), seconds(lastWebhookToLastKey()),
                seconds(lastRedirectToLastKey()), onboardingsPerSecond(), keysPerSecond(), drainPerSecond(),
                latencies.p50().toMillis(), latencies.p90().toMillis(), latencies.p99().toMillis(),
                latencies.max().toMillis());
    }

    /** A row of docs/benchmarks.md's table: N, wall, after the last webhook, rates, latencies, the machine. */
    String tableRow(String machine) {
        Latencies latencies = latencies();
        return String.format(Locale.ROOT, "| %,d | %.1f s | %.1f s | %.1f | %.1f | %.1f | %.1f s | %.1f s | %.1f s | %.1f s "
                + "| %s |", onboardings(), seconds(wall()), seconds(lastWebhookToLastKey()), onboardingsPerSecond(),
                keysPerSecond(), drainPerSecond(), seconds(latencies.p50()), seconds(latencies.p90()),
                seconds(latencies.p99()), seconds(latencies.max()), machine);
    }

    private static double perSecond(int count, Duration over) {
        return over.isZero() ? Double.POSITIVE_INFINITY : count * 1000.0 / over.toMillis();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
