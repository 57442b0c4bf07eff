package org.partnerhub.onboarding.state.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.apikey.ApiKeyFailed;
import org.partnerhub.onboarding.events.hub.HubWebhooks;
import org.partnerhub.onboarding.events.permission.PermissionGranted;
import org.partnerhub.onboarding.events.permission.PermissionRevoked;
import org.partnerhub.onboarding.events.permission.Verification;
import org.partnerhub.onboarding.events.state.ApiKeyState;
import org.partnerhub.onboarding.state.fold.Fact;
import org.partnerhub.onboarding.state.fold.Origin;

class FactTranslatorTest {

    private static final Instant RECORD_TIME = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void aPermissionWebhookGrantsAndReportsTheStatusAsTwoFactsWithTheirOwnIds() {
        byte[] body = """
                {"id": "evt-p1", "event": "channel_permission_granted",
                 "data": {"id": "ch-9", "client_id": "cl-9", "status": "ready"}}
                """.getBytes(StandardCharsets.UTF_8);

        List<Fact> facts = FactTranslator.facts(HubWebhooks.parse("main", body), RECORD_TIME);

        assertThat(facts).hasSize(2);
        assertThat(facts.get(0)).isInstanceOfSatisfying(Fact.PermissionChanged.class, grant -> {
            assertThat(grant.granted()).isTrue();
            assertThat(grant.source()).isEqualTo(Origin.WEBHOOK);
            assertThat(grant.verification()).isEqualTo(Verification.CONFIRMED);
            assertThat(grant.occurredAt()).isEqualTo(RECORD_TIME);
        });
        assertThat(facts.get(1)).isInstanceOfSatisfying(Fact.StatusObserved.class,
                status -> assertThat(status.status()).isEqualTo("ready"));
        assertThat(facts.get(0).eventId()).isNotEqualTo(facts.get(1).eventId());
    }

    @Test
    void aRedirectFactKeepsItsVerificationAndOneWithoutItIsPending() {
        PermissionRevoked confirmed = new PermissionRevoked("main", "cl-9", "ch-9", "tenant-42", "redirect",
                RECORD_TIME, "nonce-1", Verification.CONFIRMED);
        PermissionGranted unverified = new PermissionGranted("main", "cl-9", "ch-9", "tenant-42", "redirect",
                RECORD_TIME, "nonce-1", null);

        assertThat(((Fact.PermissionChanged) FactTranslator.facts(confirmed, RECORD_TIME).getFirst()).verification())
                .isEqualTo(Verification.CONFIRMED);
        assertThat(((Fact.PermissionChanged) FactTranslator.facts(unverified, RECORD_TIME).getFirst()).verification())
                .isEqualTo(Verification.PENDING);
    }

    @Test
    void aFailureStillBeingRetriedLeavesTheKeyPendingAndAPermanentOneFailsIt() {
        ApiKeyFailed retrying = new ApiKeyFailed("main", "ch-9", "503", false, 1, RECORD_TIME, "claim-1");
        ApiKeyFailed givenUp = new ApiKeyFailed("main", "ch-9", "403", true, 5, RECORD_TIME, "claim-1");

        assertThat(((Fact.ApiKeyChanged) FactTranslator.facts(retrying, RECORD_TIME).getFirst()).state())
                .isEqualTo(ApiKeyState.PENDING);
        assertThat(((Fact.ApiKeyChanged) FactTranslator.facts(givenUp, RECORD_TIME).getFirst()).state())
                .isEqualTo(ApiKeyState.FAILED);
    }

    @Test
    void webhooksThatNameNoChannelGiveNoFacts() {
        byte[] body = """
                {"id": "evt-v1", "event": "account_violation", "data": {"phone_number": "49151", "violation_type": "x"}}
                """.getBytes(StandardCharsets.UTF_8);

        assertThat(FactTranslator.facts(HubWebhooks.parse("main", body), RECORD_TIME)).isEmpty();
    }

    @Test
    void cancellationAndEnforcementWebhooksObserveTheirStageAndARevokeTheStatusItCarries() {
        assertThat(status("cancellation_request", "\"status\": \"pending_deletion\"")).isEqualTo("pending_deletion");
        assertThat(status("cancellation_request", "\"status\": \"live\"")).isEqualTo("cancellation_request");
        assertThat(status("cancellation_processed", "\"status\": \"cancelled\"")).isEqualTo("cancelled");
        assertThat(status("cancellation_processed", "\"client_id\": \"cl-9\"")).isEqualTo("cancellation_processed");
        assertThat(status("account_restriction", "\"status\": \"restricted\"")).isEqualTo("restricted");
        assertThat(status("account_violation", "\"violation_type\": \"spam\"")).isEqualTo("account_violation");
        assertThat(status("cancellation_revoke", "\"status\": \"live\"")).isEqualTo("live");
    }

    @Test
    void aRevokeThatDoesNotSayWhereTheChannelIsGivesNoFact() {
        assertThat(facts("cancellation_revoke", "\"client_id\": \"cl-9\"")).isEmpty();
        assertThat(facts("cancellation_revoke", "\"status\": \"pending_deletion\"")).isEmpty();
        assertThat(facts("cancellation_revoke", "\"status\": \"brand_new\"")).isEmpty();
    }

    @Test
    void anEnforcementNamingTheNumberOnlyAtTheTopKeepsIt() {
        Fact.StatusObserved observed = (Fact.StatusObserved) facts("account_restriction",
                "\"phone_number\": \"4915123\"").getFirst();

        assertThat(observed.phoneNumber()).isEqualTo("4915123");
        assertThat(observed.source()).isEqualTo(Origin.WEBHOOK);
        assertThat(observed.occurredAt()).isEqualTo(RECORD_TIME);
    }

    private static List<Fact> facts(String event, String field) {
        byte[] body = ("{\"id\": \"evt-" + event + "\", \"event\": \"" + event + "\", \"data\": {\"id\": \"ch-9\", "
                + field + "}}").getBytes(StandardCharsets.UTF_8);
        return FactTranslator.facts(HubWebhooks.parse("main", body), RECORD_TIME);
    }

    private static String status(String event, String field) {
        List<Fact> facts = facts(event, field);
        assertThat(facts).hasSize(1);
        return ((Fact.StatusObserved) facts.getFirst()).status();
    }
}
