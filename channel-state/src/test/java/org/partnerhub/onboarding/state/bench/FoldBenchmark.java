package org.partnerhub.onboarding.state.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.CloudEventHeaders;
import org.partnerhub.onboarding.events.Event;
import org.partnerhub.onboarding.events.EventCodec;
import org.partnerhub.onboarding.events.apikey.ApiKeyProvisioned;
import org.partnerhub.onboarding.events.hub.HubWebhooks;
import org.partnerhub.onboarding.events.permission.ClientLinked;
import org.partnerhub.onboarding.events.permission.PermissionGranted;
import org.partnerhub.onboarding.events.permission.Verification;
import org.partnerhub.onboarding.state.ingest.BatchApplier;
import org.partnerhub.onboarding.state.ingest.FactTranslator;
import org.partnerhub.onboarding.state.ingest.IncomingRecord;
import org.partnerhub.onboarding.state.rebuild.ProjectionRebuild;
import org.partnerhub.onboarding.testkit.KafkaPostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The numbers in docs/benchmarks.md. Not part of {@code verify} (the name does not end in Test); run on demand:
 * {@code ./mvnw -B -q -pl channel-state -am verify -Dtest=FoldBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@QuarkusTestResource(KafkaPostgresTestResource.class)
@TestProfile(FoldBenchmark.FoldingAlone.class)
class FoldBenchmark {

    /** Nothing else uses the database or the CPU while the benchmark folds. */
    public static class FoldingAlone implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mp.messaging.incoming.facts.enabled", "false",
                    "onboarding.outbox.relay-enabled", "false");
        }
    }

    private static final int FACTS_PER_CHANNEL = 8;
    private static final int BATCHED_FACTS = 200_000;
    private static final int SINGLE_FACTS = 10_000;
    private static final int REBUILD_FACTS = 1_000_000;
    private static final int BATCH = 2000;
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    private static final EventCodec CODEC = new EventCodec();

    @Inject
    BatchApplier applier;

    @Inject
    ProjectionRebuild rebuild;

    /** The eight facts of one channel's onboarding, as the other services publish them. */
    private static List<Event> onboarding(String prefix, int n) {
        String channel = prefix + "ch-" + n;
        String client = prefix + "cl-" + n;
        Instant at = T0.plusSeconds(n);
        List<Event> events = new ArrayList<>(FACTS_PER_CHANNEL);
        events.add(new ClientLinked("main", client, "tenant-" + (n % 1000), at, "nonce-" + n));
        events.add(new PermissionGranted("main", client, channel, "tenant-" + (n % 1000), "redirect", at,
                "nonce-" + n, Verification.CONFIRMED));
        events.add(HubWebhooks.parse("main", ("{\"id\":\"" + client + "-c\",\"event\":\"client_created\",\"data\":"
                + "{\"id\":\"" + client + "\",\"name\":\"Client " + n + "\",\"partner_payload\":\"tenant-"
                + (n % 1000) + "\"}}").getBytes(StandardCharsets.UTF_8), at.plusSeconds(1)));
        String[] statuses = {"created", "submitted", "ready", "running"};
        for (int s = 0; s < statuses.length; s++) {
            String body = "{\"id\":\"" + channel + "-" + s + "\",\"event\":\"channel_" + statuses[s] + "\",\"data\":{"
                    + "\"id\":\"" + channel + "\",\"client_id\":\"" + client + "\",\"status\":\"" + statuses[s]
                    + "\",\"account_mode\":\"" + (s < 3 ? "sandbox" : "live") + "\",\"setup_info\":{\"phone_number\":"
                    + "\"49151" + n + "\"},\"client\":{\"id\":\"" + client + "\",\"partner_payload\":\"tenant-"
                    + (n % 1000) + "\"}}}";
            events.add(HubWebhooks.parse("main", body.getBytes(StandardCharsets.UTF_8), at.plusSeconds(10L + s)));
        }
        events.add(new ApiKeyProvisioned("main", channel, client, "key-" + n, "https://waba-v2.360dialog.io", "app",
                "claim-" + n, at.plusSeconds(20)));
        return events;
    }

    private static List<IncomingRecord> facts(String prefix, int count) {
        List<IncomingRecord> records = new ArrayList<>(count);
        for (int n = 0; records.size() < count; n++) {
            for (Event event : onboarding(prefix, n)) {
                records.add(new IncomingRecord.Facts(FactTranslator.facts(event, T0)));
            }
        }
        return records.subList(0, count);
    }

    @Test
    void foldsBatchedAndOneByOneAndRebuildsFromAMillionFacts() throws Exception {
        List<IncomingRecord> batched = facts("batched-", BATCHED_FACTS);
        long started = System.nanoTime();
        for (int from = 0; from < batched.size(); from += BATCH) {
            applier.apply(batched.subList(from, Math.min(batched.size(), from + BATCH))).await().indefinitely();
        }
        double batchedRate = rate(BATCHED_FACTS, started);

        List<IncomingRecord> single = facts("single-", SINGLE_FACTS);
        started = System.nanoTime();
        for (IncomingRecord record : single) {
            applier.apply(List.of(record)).await().indefinitely();
        }
        double singleRate = rate(SINGLE_FACTS, started);

        started = System.nanoTime();
        publish("rebuilt-", REBUILD_FACTS);
        double publishRate = rate(REBUILD_FACTS, started);

        ProjectionRebuild.Result result = rebuild.rebuild();

        System.out.printf("%nBENCHMARK batched (%d per transaction): %,d facts in %,.0f facts/s%n", BATCH,
                BATCHED_FACTS, batchedRate);
        System.out.printf("BENCHMARK one transaction per fact: %,d facts in %,.0f facts/s%n", SINGLE_FACTS,
                singleRate);
        System.out.printf("BENCHMARK published %,d facts to Kafka at %,.0f facts/s%n", REBUILD_FACTS, publishRate);
        System.out.printf("BENCHMARK rebuild: %,d records in %s = %,.0f facts/s%n%n", result.records(),
                result.took(), result.records() / (result.took().toMillis() / 1000.0));
        assertThat(result.records()).isEqualTo(REBUILD_FACTS);
    }

    private static double rate(int facts, long startedNanos) {
        return facts / (Duration.ofNanos(System.nanoTime() - startedNanos).toMillis() / 1000.0);
    }

    private static void publish(String prefix, int count) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            int sent = 0;
            for (int n = 0; sent < count; n++) {
                for (Event event : onboarding(prefix, n)) {
                    if (sent++ == count) {
                        break;
                    }
                    producer.send(new ProducerRecord<>(event.topic().defaultName(), null, event.key(),
                            CODEC.encode(event), CloudEventHeaders.asKafkaHeaders(event, "/benchmark")),
                            (metadata, error) -> {
                                if (error != null) {
                                    failure.set(error);
                                }
                            });
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }
}
