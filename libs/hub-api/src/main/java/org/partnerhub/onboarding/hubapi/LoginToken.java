package org.partnerhub.onboarding.hubapi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/**
 * The legacy authentication: {@code POST /token} with username and password, then a Bearer token that is renewed
 * before it expires and once after a 401. Concurrent callers share one renewal.
 */
final class LoginToken implements HubCredentials {

    /** What the old API granted when it did not say. */
    static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(86_400);
    private static final Duration MAX_MARGIN = Duration.ofMinutes(5);

    private final Function<Map<String, String>, Uni<JsonNode>> tokenEndpoint;
    private final String username;
    private final String password;
    private final Clock clock;

    private volatile Token current;
    private Uni<Void> renewal;

    LoginToken(Function<Map<String, String>, Uni<JsonNode>> tokenEndpoint, String username, String password,
            Clock clock) {
        this.tokenEndpoint = tokenEndpoint;
        this.username = username;
        this.password = password;
        this.clock = clock;
    }

    @Override
    public Uni<Void> ready() {
        Token token = current;
        return token != null && token.renewAt().isAfter(clock.instant()) ? Uni.createFrom().voidItem() : renew();
    }

    @Override
    public synchronized Uni<Void> renew() {
        if (renewal == null) {
            renewal = tokenEndpoint.apply(Map.of("username", username, "password", password))
                    .map(this::read)
                    .invoke(token -> current = token)
                    .replaceWithVoid()
                    .onTermination().invoke(this::renewalDone)
                    .memoize().indefinitely();
        }
        return renewal;
    }

    private synchronized void renewalDone() {
        renewal = null;
    }

    private Token read(JsonNode answer) {
        String accessToken = answer.path("access_token").asText("");
        if (accessToken.isEmpty()) {
            throw new PermanentHubApiException("POST /token: the answer carries no access_token", 0, null);
        }
        Duration lifetime = answer.path("expires_in").canConvertToLong() && answer.path("expires_in").asLong() > 0
                ? Duration.ofSeconds(answer.path("expires_in").asLong())
                : DEFAULT_LIFETIME;
        Duration margin = lifetime.dividedBy(10).compareTo(MAX_MARGIN) < 0 ? lifetime.dividedBy(10) : MAX_MARGIN;
        return new Token(accessToken, clock.instant().plus(lifetime).minus(margin));
    }

    @Override
    public String headerName() {
        return "Authorization";
    }

    @Override
    public String headerValue() {
        Token token = current;
        return token == null ? null : "Bearer " + token.value();
    }

    @Override
    public String toString() {
        return "LoginToken[***]";
    }

    private record Token(String value, Instant renewAt) {

        @Override
        public String toString() {
            return "Token[***, renewAt=" + renewAt + "]";
        }
    }
}
