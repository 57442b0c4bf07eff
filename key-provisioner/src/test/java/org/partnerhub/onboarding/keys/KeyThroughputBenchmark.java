package org.partnerhub.onboarding.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.CloudEventHeaders;
import org.partnerhub.onboarding.events.EventCodec;
import org.partnerhub.onboarding.events.lifecycle.ChannelRunning;
import org.partnerhub.onboarding.events.state.ApiKeyState;
import org.partnerhub.onboarding.events.state.ApiKeyStatus;
import org.partnerhub.onboarding.events.state.ChannelSnapshot;
import org.partnerhub.onboarding.events.state.ChannelStage;
import org.partnerhub.onboarding.events.state.PermissionState;
import org.partnerhub.onboarding.events.state.PermissionStatus;
import org.partnerhub.onboarding.testkit.KafkaPostgresTestResource;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The key-provisioner numbers in docs/benchmarks.md: keys per second, and the time from a channel's
 * {@code channel.running} being published to its key being handed out, at the default configuration against a Partner
 * API that answers at once. Not part of {@code verify} (the name does not end in Test); run on demand:
 * {@code ./mvnw -B -q -pl key-provisioner -am verify -Dtest=KeyThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbenchmark.channels=N} for another burst size).
 *
 * <p>Each channel is published as channel-state publishes it: its {@code channel.running} on {@code channel.events}
 * and its snapshot on {@code channel.state}, running with the permission granted, over two hubs and ten tenants.
 * Three runs, in this order: the first channel after start-up (cold), 100 channels one every 50 ms (latency), and a
 * burst of N channels at once (throughput). A key counts as out once {@code GET /channels/{id}/api-key} answers 200
 * (the burst sees it committed in {@code channel_api_key}, the table that GET reads, and fetches every key afterwards:
 * 2,000 GETs during the run would compete with the service for the CPU).
 */
@QuarkusTest
@TestProfile(KeyThroughputBenchmark.Defaults.class)
class KeyThroughputBenchmark {

    /**
     * The service's own defaults where the test configuration shortens them, and only this benchmark's resources: the
     * module's other tests start WireMock for the Partner API globally.
     */
    public static class Defaults implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KafkaPostgresTestResource.class),
                    new TestResourceEntry(InstantPartnerApi.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "onboarding.hub-api.timeout", "10s",
                    "onboarding.keys.retry.initial-delay", "2s",
                    "onboarding.keys.retry.max-delay", "5m",
                    "onboarding.keys.retry.max-attempts", "8",
                    "onboarding.keys.sweep-interval", "1m");
        }
    }

    private static final String TOKEN = "Bearer fake-token-two";
    private static final int HUBS = 2;
    private static final int TENANTS = 10;
    private static final int PACED = 100;
    private static final Duration PACE = Duration.ofMillis(50);
    private static final EventCodec CODEC = new EventCodec();

    @TestHTTPResource("/channels/")
    URL handout;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void keysPerSecondAndLatency() throws Exception {
        int burst = Integer.getInteger("benchmark.channels", 2000);
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        line("load average before: " + loadAverage());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
                "acks", "all"), new StringSerializer(), new ByteArraySerializer())) {
            Run cold = run(producer, "cold", 1, Duration.ZERO, true);
            line(String.format("cold start: first channel after start-up %d ms from publish to handed out",
                    cold.latenciesMs().getFirst()));

            Run paced = run(producer, "paced", PACED, PACE, true);
            line(String.format("latency: %d channels one every %d ms, publish to handed out: %s", PACED,
                    PACE.toMillis(), percentiles(paced.latenciesMs())));

            long jvmCpu = jvmCpuNanos();
            Run all = run(producer, "burst", burst, Duration.ZERO, false);
            line(String.format("throughput: %d channels published at once, all keys stored in %d ms: %.0f keys/s",
                    burst, all.wallMs(), burst * 1000.0 / all.wallMs()));
            line(String.format("throughput: CPU per key %.2f ms in the test JVM (service, broker, stub, benchmark; "
                    + "PostgreSQL not counted)", (jvmCpuNanos() - jvmCpu) / 1e6 / burst));
            line(String.format("throughput: publish to stored per channel: %s", percentiles(all.latenciesMs())));
            for (int i = 0; i < burst; i++) {
                assertThat(get("burst-" + i).statusCode()).isEqualTo(200);
            }
        }
        assertThat(InstantPartnerApi.CREATIONS).hasSize(1 + PACED + burst)
                .allSatisfy((channel, creations) -> assertThat(creations.get()).as(channel).isEqualTo(1));
        line("load average after: " + loadAverage());
    }

    private record Run(long wallMs, List<Long> latenciesMs) {
    }

    /**
     * Publishes {@code count} channels {@code spacing} apart (all at once for zero) and waits for all their keys;
     * each channel's latency runs from its publishing to its key seen handed out (or stored, without
     * {@code viaHandout}).
     */
    private Run run(KafkaProducer<String, byte[]> producer, String prefix, int count, Duration spacing,
            boolean viaHandout) throws Exception {
        Map<String, Long> published = new ConcurrentHashMap<>();
        Map<String, Long> out = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor();
        try (Connection db = TestDatabase.connect(); PreparedStatement stored = db.prepareStatement(
                "select channel_id from channel_api_key where channel_id like ?")) {
            stored.setString(1, prefix + "-%");
            if (spacing.isZero()) {
                for (int i = 0; i < count; i++) {
                    publish(producer, prefix, i, published);
                }
                producer.flush();
            } else {
                AtomicInteger next = new AtomicInteger();
                publisher.scheduleAtFixedRate(() -> {
                    int i = next.getAndIncrement();
                    if (i < count) {
                        publish(producer, prefix, i, published);
                        producer.flush();
                    }
                }, 0, spacing.toNanos(), TimeUnit.NANOSECONDS);
            }
            await().atMost(Duration.ofMinutes(5)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5))
                    .until(() -> {
                        see(stored, published, out, viaHandout);
                        return out.size() == count;
                    });
        } finally {
            publisher.shutdownNow();
        }
        long end = out.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        List<Long> latencies = new ArrayList<>();
        out.forEach((channel, at) -> latencies.add(TimeUnit.NANOSECONDS.toMillis(at - published.get(channel))));
        latencies.sort(null);
        return new Run(TimeUnit.NANOSECONDS.toMillis(end - start), latencies);
    }

    private void see(PreparedStatement stored, Map<String, Long> published, Map<String, Long> out, boolean viaHandout)
            throws SQLException, IOException, InterruptedException {
        List<String> found = new ArrayList<>();
        try (ResultSet rows = stored.executeQuery()) {
            while (rows.next()) {
                found.add(rows.getString(1));
            }
        }
        for (String channel : found) {
            if (out.containsKey(channel) || !published.containsKey(channel)) {
                continue;
            }
            if (!viaHandout) {
                out.put(channel, System.nanoTime());
            } else if (get(channel).statusCode() == 200) {
                out.put(channel, System.nanoTime());
            }
        }
    }

    private static void publish(KafkaProducer<String, byte[]> producer, String prefix, int i,
            Map<String, Long> published) {
        String channel = prefix + "-" + i;
        String hub = i % HUBS == 0 ? "main" : "second";
        Instant now = Instant.now();
        ChannelSnapshot snapshot = new ChannelSnapshot(channel, hub, "client-" + channel, "tenant-" + (i % TENANTS),
                "+49" + (100_000_000L + i), "running", ChannelStage.RUNNING, "live",
                new PermissionStatus(PermissionState.GRANTED, "partner-payment"),
                new ApiKeyStatus(ApiKeyState.NONE, null), 5, now, now, now);
        ChannelRunning running = new ChannelRunning(hub, channel, 5, now, snapshot);
        published.put(channel, System.nanoTime());
        producer.send(new ProducerRecord<>("channel.events", null, running.key(), CODEC.encode(running),
                CloudEventHeaders.asKafkaHeaders(running, "/channel-state")));
        producer.send(new ProducerRecord<>("channel.state", null, snapshot.key(), CODEC.encode(snapshot),
                CloudEventHeaders.asKafkaHeaders(snapshot, "/channel-state")));
    }

    private HttpResponse<String> get(String channel) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(handout + channel + "/api-key"))
                .header("Authorization", TOKEN).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String percentiles(List<Long> sortedMs) {
        return String.format("p50 %d ms, p90 %d ms, p99 %d ms, max %d ms", at(sortedMs, 0.50), at(sortedMs, 0.90),
                at(sortedMs, 0.99), sortedMs.getLast());
    }

    private static long at(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }

    /**
     * CPU time is what the figures compare on a shared machine: with other builds running, wall time mostly
     * measures their load.
     */
    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    private static void line(String text) {
        System.out.println("BENCHMARK key-provisioner " + text);
    }
}
