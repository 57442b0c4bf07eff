package org.partnerhub.onboarding.state.fold;

import java.time.Instant;

import org.partnerhub.onboarding.events.permission.Verification;
import org.partnerhub.onboarding.events.state.ApiKeyState;

/** Facts about channel {@code ch-1} of client {@code cl-1} of tenant {@code tenant-42}, for the fold's tests. */
final class Facts {

    static final String HUB = "main";
    static final String CHANNEL = "ch-1";
    static final String CLIENT = "cl-1";
    static final String TENANT = "tenant-42";
    /** A client of another tenant. */
    static final String OTHER_CLIENT = "cl-2";
    static final String OTHER_TENANT = "tenant-99";
    static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    private Facts() {
    }

    static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    static Fact.StatusObserved status(String eventId, String status, int seconds) {
        return status(eventId, status, TENANT, seconds);
    }

    /** @param payload the client's {@code partner_payload} as 360dialog echoes it, or absent */
    static Fact.StatusObserved status(String eventId, String status, String payload, int seconds) {
        return new Fact.StatusObserved(eventId, HUB, CHANNEL, CLIENT, status, "sandbox", "4915123456789", payload,
                null, Origin.WEBHOOK, at(seconds));
    }

    /** The reconciler's read of the channel from the Partner API, made at {@code seconds}. */
    static Fact.StatusObserved read(String eventId, String status, int seconds) {
        return new Fact.StatusObserved(eventId, HUB, CHANNEL, CLIENT, status, "sandbox", "4915123456789", TENANT,
                null, Origin.RECONCILER, at(seconds));
    }

    static Fact.PermissionChanged grant(String eventId, int seconds) {
        return permission(eventId, CLIENT, TENANT, true, Verification.CONFIRMED, seconds);
    }

    static Fact.PermissionChanged revoke(String eventId, int seconds) {
        return permission(eventId, CLIENT, TENANT, false, Verification.CONFIRMED, seconds);
    }

    static Fact.PermissionChanged permission(
            String eventId, String client, String tenant, boolean granted, Verification verification, int seconds) {
        return new Fact.PermissionChanged(eventId, HUB, CHANNEL, client, tenant, granted, Origin.REDIRECT, verification,
                at(seconds));
    }

    static Fact.ClientSeen linked(String eventId, int seconds) {
        return linked(eventId, CLIENT, TENANT, seconds);
    }

    static Fact.ClientSeen linked(String eventId, String client, String tenant, int seconds) {
        return new Fact.ClientSeen(eventId, HUB, client, tenant, true, null, at(seconds));
    }

    static Fact.ApiKeyChanged apiKey(String eventId, ApiKeyState state, int seconds) {
        return new Fact.ApiKeyChanged(eventId, HUB, CHANNEL, state, null, at(seconds));
    }
}
