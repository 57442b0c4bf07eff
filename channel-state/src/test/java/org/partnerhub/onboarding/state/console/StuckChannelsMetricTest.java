package org.partnerhub.onboarding.state.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partnerhub.onboarding.state.ingest.KafkaTopics.webhook;
import static org.partnerhub.onboarding.state.ingest.Onboarding.PATIENCE;
import static org.partnerhub.onboarding.state.ingest.Onboarding.T0;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.apikey.ApiKeyProvisioned;
import org.partnerhub.onboarding.events.permission.ClientLinked;
import org.partnerhub.onboarding.events.permission.PermissionGranted;
import org.partnerhub.onboarding.events.permission.Verification;
import org.partnerhub.onboarding.state.ingest.KafkaTopics;
import org.partnerhub.onboarding.testkit.KafkaPostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The gauge {@code onboarding_channels_stuck} as Prometheus scrapes it, counted every second in tests
 * (application.properties' %test profile). The channel is of hub {@code stuckmetric}, which no other test uses, so
 * its counts are this test's alone; its facts are days old, longer ago than {@code stuck-after}.
 */
@QuarkusTest
@QuarkusTestResource(KafkaPostgresTestResource.class)
class StuckChannelsMetricTest {

    private static final String HUB = "stuckmetric";
    private static final String SUFFIX = "-stuckmetric";
    private static final String CHANNEL = "y9MiLoCH" + SUFFIX;
    private static final String CLIENT = "oaY9LLfUCL" + SUFFIX;

    @Test
    void aStuckChannelIsCountedWithItsStepUntilItMovesOn() {
        KafkaTopics.publish(List.of(
                new ClientLinked(HUB, CLIENT, "tenant-stuck", T0, "nonce" + SUFFIX),
                new PermissionGranted(HUB, CLIENT, CHANNEL, "tenant-stuck", "redirect", T0, "nonce" + SUFFIX,
                        Verification.CONFIRMED),
                webhook(HUB, "client_created", SUFFIX, T0.plusSeconds(1)),
                webhook(HUB, "channel_created", SUFFIX, T0.plusSeconds(2))));

        awaitStuck("hub-status", 1);
        assertThat(given().header("Authorization", "Bearer fake-operator-token").get("/console/api/stuck").then()
                .statusCode(200).extract().jsonPath().getString("find { it.channelId == '" + CHANNEL
                        + "' }.waitingFor")).as("the console's stuck list says the same")
                .startsWith("waiting for 360dialog");
        assertThat(metrics()).doesNotContain(series("key"));

        KafkaTopics.publish(List.of(webhook(HUB, "channel_running", SUFFIX, T0.plusSeconds(60))));
        awaitStuck("key", 1);
        assertThat(stuck("hub-status")).isZero();

        KafkaTopics.publish(List.of(new ApiKeyProvisioned(HUB, CHANNEL, CLIENT, "key" + SUFFIX,
                "https://waba.example", null, "claim" + SUFFIX, Instant.now())));
        awaitStuck("key", 0);
        assertThat(stuck("hub-status")).isZero();
    }

    private static void awaitStuck(String waiting, double channels) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(stuck(waiting)).isEqualTo(channels));
    }

    private static double stuck(String waiting) {
        String prefix = series(waiting);
        return metrics().lines().filter(line -> line.startsWith(prefix)).findFirst()
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).orElse(-1.0);
    }

    /** The start of the series' line; Prometheus orders the labels by name. */
    private static String series(String waiting) {
        return "onboarding_channels_stuck{application=\"channel-state\",hub=\"" + HUB + "\",waiting=\"" + waiting
                + "\"}";
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
