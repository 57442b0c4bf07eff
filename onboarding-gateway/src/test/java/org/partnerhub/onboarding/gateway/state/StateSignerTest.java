package org.partnerhub.onboarding.gateway.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class StateSignerTest {

    private static final String SECRET = "fake-state-secret-for-tests-only-0001";
    private static final String OLD_SECRET = "fake-state-secret-for-tests-only-0000";
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Duration TTL = Duration.ofMinutes(30);
    private static final Set<String> HUBS = Set.of("main", "direct");

    @Test
    void aStateItIssuedVerifiesToTheSameFlow() throws StateRejectedException {
        SignedState issued = signer(List.of(SECRET), NOW).issue("main", "tenant-42");

        FlowState verified = signer(List.of(SECRET), NOW.plusSeconds(60)).verify(issued.token());

        assertThat(verified).isEqualTo(issued.state());
        assertThat(verified.hubId()).isEqualTo("main");
        assertThat(verified.tenant()).isEqualTo("tenant-42");
        assertThat(verified.expiresAt()).isEqualTo(NOW.plus(TTL));
    }

    @Test
    void everyFlowHasItsOwnNonce() {
        StateSigner signer = signer(List.of(SECRET), NOW);

        assertThat(signer.issue("main", "t").state().nonce()).isNotEqualTo(signer.issue("main", "t").state().nonce());
    }

    @Test
    void rejectsATamperedTenant() {
        String token = signer(List.of(SECRET), NOW).issue("main", "tenant-42").token();

        assertRejected(signer(List.of(SECRET), NOW), editPayload(token, "tenant-42", "tenant-43"),
                StateRejectedException.Reason.INVALID);
    }

    @Test
    void rejectsAStateMovedToAnotherHub() {
        String token = signer(List.of(SECRET), NOW).issue("main", "tenant-42").token();

        assertRejected(signer(List.of(SECRET), NOW), editPayload(token, "\"main\"", "\"direct\""),
                StateRejectedException.Reason.INVALID);
    }

    @Test
    void rejectsAStateOfAHubThatIsNotConfigured() {
        String token = signer(List.of(SECRET), NOW).issue("retired", "tenant-42").token();

        assertRejected(signer(List.of(SECRET), NOW), token, StateRejectedException.Reason.UNKNOWN_HUB);
    }

    @Test
    void rejectsAStateSignedWithAnotherSecret() {
        String token = signer(List.of("fake-state-secret-of-someone-else-999"), NOW).issue("main", "t").token();

        assertRejected(signer(List.of(SECRET), NOW), token, StateRejectedException.Reason.INVALID);
    }

    @Test
    void rejectsAnExpiredState() {
        String token = signer(List.of(SECRET), NOW).issue("main", "t").token();

        assertRejected(signer(List.of(SECRET), NOW.plus(TTL)), token, StateRejectedException.Reason.EXPIRED);
    }

    @Test
    void acceptsAStateUntilItExpires() throws StateRejectedException {
        String token = signer(List.of(SECRET), NOW).issue("main", "t").token();

        assertThat(signer(List.of(SECRET), NOW.plus(TTL).minusSeconds(1)).verify(token).tenant()).isEqualTo("t");
    }

    @Test
    void afterRotationAcceptsStatesSignedWithThePreviousSecret() throws StateRejectedException {
        String beforeRotation = signer(List.of(OLD_SECRET), NOW).issue("main", "t").token();

        assertThat(signer(List.of(SECRET, OLD_SECRET), NOW).verify(beforeRotation).tenant()).isEqualTo("t");
    }

    @Test
    void afterRotationSignsWithTheNewSecret() throws StateRejectedException {
        String afterRotation = signer(List.of(SECRET, OLD_SECRET), NOW).issue("main", "t").token();

        assertThat(signer(List.of(SECRET), NOW).verify(afterRotation).tenant()).isEqualTo("t");
        assertRejected(signer(List.of(OLD_SECRET), NOW), afterRotation, StateRejectedException.Reason.INVALID);
    }

    @Test
    void rejectsGarbage() {
        StateSigner signer = signer(List.of(SECRET), NOW);
        for (String garbage : List.of("", "abc", "a.b.c", "!!!.???", ".", "x".repeat(5000) + ".y")) {
            assertRejected(signer, garbage, StateRejectedException.Reason.INVALID);
        }
    }

    @Test
    void refusesAShortSecretWithoutRevealingIt() {
        assertThatThrownBy(() -> signer(List.of("short-fake"), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes")
                .hasMessageNotContaining("short-fake");
    }

    private static void assertRejected(StateSigner signer, String token, StateRejectedException.Reason reason) {
        assertThatThrownBy(() -> signer.verify(token))
                .isInstanceOf(StateRejectedException.class)
                .satisfies(e -> assertThat(((StateRejectedException) e).reason()).isEqualTo(reason));
    }

    /** The token with its payload edited and its signature kept, as a forger without the secret would. */
    private static String editPayload(String token, String target, String replacement) {
        int dot = token.indexOf('.');
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
        assertThat(payload).contains(target);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace(target, replacement).getBytes(StandardCharsets.UTF_8)) + token.substring(dot);
    }

    private static StateSigner signer(List<String> secrets, Instant now) {
        return new StateSigner(secrets, TTL, HUBS, Clock.fixed(now, ZoneOffset.UTC));
    }
}
