package org.partnerhub.onboarding.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.partnerhub.onboarding.testkit.FreePorts;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** The whole application, started as in production, refuses to run with a hub whose webhooks anyone could post. */
@QuarkusMainTest
@TestProfile(UnauthenticatedHubStartUpTest.UnauthenticatedHub.class)
class UnauthenticatedHubStartUpTest {

    /** One signing hub, and one with neither secret nor static header nor the flag that would allow that. */
    public static class UnauthenticatedHub implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "kafka.bootstrap.servers", "127.0.0.1:" + FreePorts.pick(),
                    "onboarding.topics.create", "false",
                    "onboarding.hubs.main.partner-id", "pMain",
                    "onboarding.hubs.main.payment-mode", "partner",
                    "onboarding.hubs.main.webhook-secret", "fake-secret-main",
                    "onboarding.hubs.open.partner-id", "pOpen",
                    "onboarding.hubs.open.payment-mode", "partner");
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    /** Should the check ever be lost, the application would start and run until stopped: fail instead of hanging. */
    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void startUpFailsNamingTheHubAndTheKeysToSet(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch();

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.getOutput() + result.getErrorOutput())
                .contains("hub open does not authenticate its webhooks")
                .contains("onboarding.hubs.open.webhook-secret");
    }
}
