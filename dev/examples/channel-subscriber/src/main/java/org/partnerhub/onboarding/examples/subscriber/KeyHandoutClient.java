package org.partnerhub.onboarding.examples.subscriber;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Asks key-provisioner for a channel's key with a credential holding {@code keys:read}. Transient failures (5xx,
 * no answer) are retried a few times with a growing pause; the caller is the partition's consumer thread, so later
 * records of that partition wait, which keeps a channel's events in order.
 */
@ApplicationScoped
class KeyHandoutClient {

    private static final Logger LOG = Logger.getLogger(KeyHandoutClient.class);
    private static final int ATTEMPTS = 5;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(500);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private final URI baseUrl;
    private final String token;

    KeyHandoutClient(@ConfigProperty(name = "example.key-provisioner.url") URI baseUrl,
            @ConfigProperty(name = "example.key-provisioner.token") String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    Handout fetch(String channelId) {
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("/channels/"
                        + URLEncoder.encode(channelId, StandardCharsets.UTF_8) + "/api-key"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(10))
                .GET().build();
        Duration pause = FIRST_PAUSE;
        String lastFailure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status < 500) {
                    return answer(status, response.body());
                }
                lastFailure = "key-provisioner answered " + status + ": " + reason(response.body());
            } catch (IOException e) {
                lastFailure = "key-provisioner unreachable: " + e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Handout.Failed("interrupted");
            }
            if (attempt < ATTEMPTS) {
                LOG.infof("Fetching the key of channel %s failed (%s); trying again in %s", channelId, lastFailure,
                        pause);
                if (!pause(pause)) {
                    return new Handout.Failed("interrupted");
                }
                pause = pause.multipliedBy(2);
            }
        }
        return new Handout.Failed(lastFailure);
    }

    private Handout answer(int status, String body) throws IOException {
        return switch (status) {
            case 200 -> {
                JsonNode key = json.readTree(body);
                yield new Handout.Key(key.path("channelId").asText(), key.path("apiKey").asText(),
                        key.path("address").asText(null), key.path("appId").asText(null),
                        key.hasNonNull("createdAt") ? Instant.parse(key.get("createdAt").asText()) : null);
            }
            case 404 -> new Handout.NoKey(reason(body));
            case 410 -> new Handout.Withdrawn(reason(body));
            // 401: the token is not configured at key-provisioner; 403: its credential lacks keys:read.
            default -> new Handout.Failed("key-provisioner answered " + status + ": " + reason(body));
        };
    }

    /** Refusals carry {@code {"error": "<reason>"}}; never the key, so safe to log. */
    private String reason(String body) {
        try {
            return json.readTree(body).path("error").asText("(no reason given)");
        } catch (IOException e) {
            return "(no reason given)";
        }
    }

    private static boolean pause(Duration pause) {
        try {
            Thread.sleep(pause);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
