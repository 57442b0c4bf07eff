package org.partnerhub.onboarding.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.state.ChannelStage;
import org.partnerhub.onboarding.hubapi.ChannelApiKey;
import org.partnerhub.onboarding.keys.domain.AttemptFailure;
import org.partnerhub.onboarding.keys.domain.ClaimRules.Admission;
import org.partnerhub.onboarding.keys.domain.Lease;
import org.partnerhub.onboarding.keys.store.ClaimLedger;
import org.partnerhub.onboarding.keys.store.KeyToDelete;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;

/**
 * The Partner API answers key creations slowly (the key exists at once, the answer takes 0.7 s) with a 1 s timeout and
 * one call at a time, and 40 channels go running at once: each channel must end with one stored key, the one
 * 360dialog holds live, after at most one extra creation. Once with this application's worker alone, once with a
 * second, independent worker (its own Partner API slot) racing it on the same database until it is killed.
 */
@QuarkusTest
@TestProfile(SlowPartnerApiTest.Slow.class)
class SlowPartnerApiTest extends ChannelEventsTest {

    private static final int CHANNELS = 40;
    private static final int ANSWER_MS = 700;

    public static class Slow implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("onboarding.hub-api.timeout", "1s", "onboarding.hub-api.max-concurrency", "1");
        }
    }

    @Inject
    SecondReplica replica;

    @Test
    void oneInstance() throws Exception {
        List<String> channels = channels("slow-one", CHANNELS);
        long started = System.nanoTime();

        goRunning(channels);

        awaitEveryKey(channels, started, "one instance");
    }

    @Test
    void twoInstancesOneOfThemKilledMidRun() throws Exception {
        List<String> channels = channels("slow-two", CHANNELS);
        KillableFaults secondFaults = new KillableFaults();
        ProvisioningWorker second = replica.worker(secondFaults);
        long started = System.nanoTime();
        try (AutoCloseable polling = replica.polling(second, Duration.ofMillis(200))) {
            goRunning(channels);
            await().atMost(Duration.ofMinutes(1)).until(() -> TestDatabase.provisioned(channels) >= CHANNELS / 4);
            // Killed with its next creation in flight, between the POST and the commit: the worst moment.
            secondFaults.arm(() -> second.ledger = new DeadLedger());

            awaitEveryKey(channels, started, "two instances, one killed after " + CHANNELS / 4 + " keys");
            assertThat(secondFaults.killed).as("the second worker was killed mid-creation").isTrue();
        }
    }

    private void goRunning(List<String> channels) {
        channels.forEach(channel -> PartnerApiStub.stubHubKeys(channel, ANSWER_MS));
        channels.forEach(channel -> events.send(ChannelEventsProducer.running(channel, ChannelStage.RUNNING, 3)));
        events.flush();
    }

    private static void awaitEveryKey(List<String> channels, long started, String setting) throws SQLException {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> TestDatabase.provisioned(channels) == channels.size());
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        int creations = 0;
        int mostPerChannel = 0;
        for (String channel : channels) {
            List<String> stored = TestDatabase.query(
                    "select key_id from channel_api_key where channel_id = ? and revoked_at is null", channel);
            assertThat(stored).as("the stored key of %s is the one 360dialog holds live", channel)
                    .containsExactly(PartnerApiStub.keys.live(channel).orElseThrow());
            int made = PartnerApiStub.keys.creations(channel);
            assertThat(made).as("creations for %s", channel).isBetween(1, 2);
            creations += made;
            mostPerChannel = Math.max(mostPerChannel, made);
        }
        System.out.printf("Slow Partner API (%d ms answers, 1 s timeout, one slot), %s: %d/%d channels with the live "
                + "key stored in %d s; %d creations, %d extra, at most %d per channel%n", ANSWER_MS, setting,
                channels.size(), channels.size(), seconds, creations, creations - channels.size(), mostPerChannel);
    }

    /** A killed replica reaches no database any more. */
    static final class DeadLedger extends ClaimLedger {

        @Override
        public Uni<List<Lease>> leaseDue(int max) {
            return dead();
        }

        @Override
        public Uni<Admission> admit(Lease lease) {
            return dead();
        }

        @Override
        public Uni<Optional<KeyToDelete>> recordKey(Lease lease, ChannelApiKey key) {
            return dead();
        }

        @Override
        public Uni<Void> recordFailure(Lease lease, AttemptFailure failure, boolean creationAnswered) {
            return dead();
        }

        private static <T> Uni<T> dead() {
            return Uni.createFrom().failure(new IllegalStateException("replica killed"));
        }
    }

    /** A replica killed with -9: an attempt in flight dies after its POST, before anything is stored. */
    static final class KillableFaults extends ProvisioningFaults {

        private volatile Runnable kill;
        volatile boolean killed;

        void arm(Runnable kill) {
            this.kill = kill;
        }

        @Override
        public void afterKeyCreated(Lease lease) {
            if (kill != null) {
                kill.run();
                killed = true;
                throw new IllegalStateException("replica killed");
            }
        }
    }
}
