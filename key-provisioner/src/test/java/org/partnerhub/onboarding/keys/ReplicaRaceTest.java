package org.partnerhub.onboarding.keys;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.IntFunction;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.state.ChannelStage;
import org.partnerhub.onboarding.hubapi.ChannelApiKey;
import org.partnerhub.onboarding.keys.HubKeys.CreationAnswer;
import org.partnerhub.onboarding.keys.domain.AttemptFailure;
import org.partnerhub.onboarding.keys.domain.ClaimRules.Admission;
import org.partnerhub.onboarding.keys.domain.Lease;
import org.partnerhub.onboarding.keys.store.ClaimLedger;
import org.partnerhub.onboarding.keys.store.KeyToDelete;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Two key-provisioner instances on one database, both working the whole time, 50 channels, and a Partner API that
 * misbehaves per channel (a seeded draw): server errors, 429 with {@code Retry-After}, answers lost past the call's
 * bound (the key exists, the answer never arrives), answers that come only after the lease as taken; and for some
 * channels the second instance stalls past its lease, before its POST or before its commit, so that the other takes
 * the claim over. In the end each channel has exactly one key that 360dialog holds live, it is the stored one and the
 * one handed out, no key was ever handed out that 360dialog revoked, and no channel made more creations than its
 * creation budget.
 */
@QuarkusTest
@TestProfile(ReplicaRaceTest.Racing.class)
class ReplicaRaceTest extends ChannelEventsTest {

    private static final int CHANNELS = 50;
    private static final long SEED = 13;
    private static final int BUDGET = 4;
    private static final int PROMPT_MS = 50;
    private static final String TOKEN = "Bearer fake-token-two";

    /**
     * A 1 s call bound, so the lease as taken is 3 s and creations after unanswered ones get 2 s, 4 s, 8 s. The attempt
     * budget is not what this test is about: with it, no claim gives up before the creation budget is spent.
     */
    public static class Racing implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("onboarding.hub-api.timeout", "1s", "onboarding.hub-api.timeout-ceiling", "8s",
                    "onboarding.hub-api.max-concurrency", "4",
                    "onboarding.keys.creation-budget.creations", String.valueOf(BUDGET),
                    "onboarding.keys.retry.max-attempts", "20");
        }
    }

    /**
     * What happens to a channel's key creations: how 360dialog answers them, by call number, and whether the second
     * instance stalls once past its lease in the channel's attempt (a pause, a starved CPU, a slow commit).
     */
    enum Fault {
        NONE(call -> prompt()),
        /** Two 500s, which create nothing, then a prompt creation. */
        SERVER_ERRORS(call -> call <= 2 ? new CreationAnswer.Refused(500, Optional.empty()) : prompt()),
        /** A 429 asking for a second's patience, which creates nothing, then a prompt creation. */
        RATE_LIMITED(call -> call == 1 ? new CreationAnswer.Refused(429, Optional.of(1)) : prompt()),
        /** The first creation's answer takes 1.5 s, past its 1 s bound: a key exists that nobody was told of. */
        AMBIGUOUS(call -> call == 1 ? new CreationAnswer.Created(1_500) : prompt()),
        /**
         * Every answer takes 3.3 s, past the 3 s lease as taken: the 1 s and 2 s creations go unanswered, the 4 s one
         * is answered within the lease its fence renewed.
         */
        PAST_LEASE(call -> new CreationAnswer.Created(3_300)),
        /** The second instance, holding a slot, stalls past its lease before its fence: its POST must not be sent. */
        STALL_BEFORE_POST(call -> prompt()),
        /** The second instance stalls past its lease between the answer and its commit: its key must not be stored. */
        STALL_BEFORE_COMMIT(call -> prompt());

        final IntFunction<CreationAnswer> answers;

        Fault(IntFunction<CreationAnswer> answers) {
            this.answers = answers;
        }

        private static CreationAnswer prompt() {
            return new CreationAnswer.Created(PROMPT_MS);
        }
    }

    @Inject
    SecondReplica replica;

    @Inject
    Vertx vertx;

    @Test
    void twoInstancesThroughFaultsEndWithOneLiveStoredKeyPerChannel() throws Exception {
        List<String> channels = channels("race", CHANNELS);
        Map<String, Fault> faults = drawFaults(channels);
        faults.forEach((channel, fault) -> {
            PartnerApiStub.stubHubKeys(channel, 0);
            PartnerApiStub.keys.script(channel, fault.answers);
        });
        ProvisioningWorker second = replica.worker(new ProvisioningFaults());
        StallingLedger stalling = new StallingLedger(second.ledger, faults, vertx);
        second.ledger = stalling;
        Map<String, Set<String>> handedOut = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        try (AutoCloseable polling = replica.polling(second, Duration.ofMillis(200))) {
            channels.forEach(channel -> events.send(ChannelEventsProducer.running(channel, ChannelStage.RUNNING, 3)));
            events.flush();
            // Callers ask for the keys all along: nothing they are given may be revoked at 360dialog later.
            await().atMost(Duration.ofSeconds(75)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                handOut(channels, handedOut);
                assertThat(unprovisioned(channels, faults)).as("claims not provisioned yet").isEmpty();
            });
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        handOut(channels, handedOut);

        int creations = 0;
        int mostPerChannel = 0;
        for (String channel : channels) {
            String live = PartnerApiStub.keys.live(channel).orElseThrow();
            assertThat(TestDatabase.query(
                    "select key_id from channel_api_key where channel_id = ? and revoked_at is null", channel))
                    .as("the stored key of %s (%s) is the one 360dialog holds live", channel, faults.get(channel))
                    .containsExactly(live);
            assertThat(handedOut.get(channel))
                    .as("every key handed out for %s (%s) is the one 360dialog holds live", channel,
                            faults.get(channel))
                    .containsExactly(HubKeys.secret(live));
            int made = PartnerApiStub.keys.creations(channel);
            assertThat(made).as("creations for %s (%s) within the creation budget", channel, faults.get(channel))
                    .isBetween(1, BUDGET);
            creations += made;
            mostPerChannel = Math.max(mostPerChannel, made);
        }
        assertThat(stalling.stalls).as("the second instance stalled in some attempts, so the two raced")
                .isNotEmpty();
        Map<Fault, Integer> byKind = new EnumMap<>(Fault.class);
        faults.values().forEach(fault -> byKind.merge(fault, 1, Integer::sum));
        System.out.printf("Two instances racing (1 s call timeout, 3 s lease, 4 slots each, seed %d): %d/%d channels "
                + "with the live key stored and handed out in %.1f s; faults %s, of which the second instance met "
                + "%s; %d creations, %d extra, at most %d per channel (budget %d)%n", SEED, CHANNELS, CHANNELS,
                millis / 1000.0, byKind, stalling.stalls, creations, creations - CHANNELS, mostPerChannel, BUDGET);
    }

    private static Map<String, Fault> drawFaults(List<String> channels) {
        Random random = new Random(SEED);
        Map<String, Fault> faults = new LinkedHashMap<>();
        channels.forEach(channel -> faults.put(channel, Fault.values()[random.nextInt(Fault.values().length)]));
        return faults;
    }

    /** Each channel whose claim is not provisioned, with its fault, claim status and last error. */
    private static List<String> unprovisioned(List<String> channels, Map<String, Fault> faults) throws SQLException {
        List<String> waiting = new ArrayList<>();
        for (String channel : channels) {
            List<String> claim = TestDatabase.query("select status, last_error from key_claim where channel_id = ?",
                    channel);
            if (claim.isEmpty() || !"PROVISIONED".equals(claim.getFirst())) {
                waiting.add(channel + " " + faults.get(channel) + " " + claim);
            }
        }
        return waiting;
    }

    /**
     * Asks the hand-out for each channel's key and notes what it gave: each secret, and any answer other than "no key
     * yet" (404) as its status, so that the final check sees it.
     */
    private static void handOut(List<String> channels, Map<String, Set<String>> handedOut) {
        for (String channel : channels) {
            Response answer = given().header("Authorization", TOKEN).get("/channels/{id}/api-key", channel);
            if (answer.statusCode() != 404) {
                handedOut.computeIfAbsent(channel, ignored -> ConcurrentHashMap.newKeySet())
                        .add(answer.statusCode() == 200 ? answer.jsonPath().getString("apiKey")
                                : "HTTP " + answer.statusCode());
            }
        }
    }

    /**
     * The second instance's view of the shared ledger: once per channel with a stall fault, it pauses past the lease
     * before the fence ({@link #admit}) or before recording the key ({@link #recordKey}), then goes on as if nothing
     * had happened.
     */
    static final class StallingLedger extends ClaimLedger {

        /** Past the 3 s lease as taken. */
        private static final Duration BEFORE_POST = Duration.ofMillis(3_500);
        /** Past the lease the fence renewed: the 1 s creation bound plus 1 s to record. */
        private static final Duration BEFORE_COMMIT = Duration.ofMillis(2_500);

        private final ClaimLedger ledger;
        private final Map<String, Fault> faults;
        private final Vertx vertx;
        final Map<Fault, Integer> stalls = new ConcurrentSkipListMap<>();
        private final Set<String> stalled = ConcurrentHashMap.newKeySet();

        StallingLedger(ClaimLedger ledger, Map<String, Fault> faults, Vertx vertx) {
            this.ledger = ledger;
            this.faults = faults;
            this.vertx = vertx;
        }

        @Override
        public Uni<List<Lease>> leaseDue(int max) {
            return ledger.leaseDue(max);
        }

        @Override
        public Uni<Admission> admit(Lease lease) {
            return stallOnce(lease, Fault.STALL_BEFORE_POST, BEFORE_POST).chain(() -> ledger.admit(lease));
        }

        @Override
        public Uni<Optional<KeyToDelete>> recordKey(Lease lease, ChannelApiKey key) {
            return stallOnce(lease, Fault.STALL_BEFORE_COMMIT, BEFORE_COMMIT).chain(() -> ledger.recordKey(lease, key));
        }

        @Override
        public Uni<Void> recordFailure(Lease lease, AttemptFailure failure, boolean creationAnswered) {
            return ledger.recordFailure(lease, failure, creationAnswered);
        }

        /** A timer on the caller's context, so the ledger is then called where its session may live. */
        private Uni<Void> stallOnce(Lease lease, Fault fault, Duration pause) {
            if (faults.get(lease.channelId()) != fault || !stalled.add(lease.channelId())) {
                return Uni.createFrom().voidItem();
            }
            stalls.merge(fault, 1, Integer::sum);
            return Uni.createFrom().emitter(paused -> vertx.setTimer(pause.toMillis(), id -> paused.complete(null)));
        }
    }
}
