package org.partnerhub.onboarding.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.partnerhub.onboarding.testkit.KafkaTestResource;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A sender that trickles its body cannot keep an in-flight slot beyond {@code body-timeout}. */
@QuarkusTest
@TestProfile(SlowBodyTest.OneSlot.class)
class SlowBodyTest {

    private static final Duration BODY_TIMEOUT = Duration.ofSeconds(2);

    /** One request in flight at most, so a held slot shows as 503 for everyone else. */
    public static class OneSlot implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "onboarding.ingest.body-timeout", BODY_TIMEOUT.toMillis() + "ms",
                    "onboarding.ingest.max-in-flight", "1");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KafkaTestResource.class), new TestResourceEntry(TestHubs.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @TestHTTPResource("/")
    URL server;

    @Test
    void aTricklingBodyIsAnswered408AndItsConnectionClosedWithinTheBoundFreeingItsSlot() throws IOException {
        // Also loads REST Assured's Groovy, which can take seconds on a busy machine: not ours to time.
        unsignedWebhook(401, "signature");
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout((int) BODY_TIMEOUT.plusSeconds(30).toMillis());
            OutputStream out = socket.getOutputStream();
            long started = System.nanoTime();
            out.write(("POST /webhooks/360dialog/main HTTP/1.1\r\nHost: " + server.getHost()
                    + "\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n{\"id\":\"evt-slow\"")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            // Never idle for long, so an idle timeout alone would never end this request. Stops once the answer is
            // there: a byte written after the server closed would reset the connection and could discard the answer.
            trickle.scheduleAtFixedRate(() -> {
                try {
                    if (in.available() == 0) {
                        out.write(' ');
                        out.flush();
                    }
                } catch (IOException closed) {
                    throw new IllegalStateException("the server closed the connection", closed);
                }
            }, 250, 250, TimeUnit.MILLISECONDS);

            await().atMost(BODY_TIMEOUT).untilAsserted(() -> unsignedWebhook(503, "too many webhooks in flight"));

            String answer = readUntilClosed(in);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(answer).startsWith("HTTP/1.1 408").contains("the body did not arrive in time");
            assertThat(took).isGreaterThanOrEqualTo(BODY_TIMEOUT)
                    .as("answered and closed soon after the bound").isLessThan(BODY_TIMEOUT.plusSeconds(10));
        } finally {
            trickle.shutdownNow();
        }

        // The slot is free again: the next request is looked at (and refused for what it is, unsigned).
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> unsignedWebhook(401, "signature"));
        given().accept("text/plain").when().get("/q/metrics").then().statusCode(200)
                .body(containsString("reason=\"body_timeout\""));
    }

    private static void unsignedWebhook(int status, String error) {
        given().contentType("application/json").body(WebhookIngestTest.webhook("evt-probe"))
                .when().post("/webhooks/360dialog/main")
                .then().statusCode(status).body("error", containsString(error));
    }

    /** Everything the server sends until it closes the connection (a reset is a close too). */
    private static String readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] chunk = new byte[1024];
        try {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                received.write(chunk, 0, n);
            }
        } catch (SocketException reset) {
            // closed by the server while the last trickled byte was under way
        }
        return received.toString(StandardCharsets.UTF_8);
    }
}
