package org.partnerhub.onboarding.state.fold;

import java.time.Instant;

import org.partnerhub.onboarding.events.state.ApiKeyState;

/** Facts about channel {@code ch-1} of client {@code cl-1}, for the fold's tests. */
final class Facts {

    static final String HUB = "main";
    static final String CHANNEL = "ch-1";
    static final String CLIENT = "cl-1";
    static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    private Facts() {
    }

    static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    static Fact.StatusObserved status(String eventId, String status, int seconds) {
        return new Fact.StatusObserved(eventId, HUB, CHANNEL, CLIENT, status, "sandbox", "4915123456789",
                "tenant-from-payload", null, "webhook", at(seconds));
    }

    static Fact.PermissionChanged grant(String eventId, int seconds) {
        return new Fact.PermissionChanged(eventId, HUB, CHANNEL, CLIENT, "tenant-42", true, "redirect", at(seconds));
    }

    static Fact.PermissionChanged revoke(String eventId, int seconds) {
        return new Fact.PermissionChanged(eventId, HUB, CHANNEL, CLIENT, "tenant-42", false, "redirect", at(seconds));
    }

    static Fact.ClientSeen linked(String eventId, int seconds) {
        return new Fact.ClientSeen(eventId, HUB, CLIENT, "tenant-42", true, null, at(seconds));
    }

    static Fact.ApiKeyChanged apiKey(String eventId, ApiKeyState state, int seconds) {
        return new Fact.ApiKeyChanged(eventId, HUB, CHANNEL, state, null, at(seconds));
    }
}
