package org.partnerhub.onboarding.sandbox;

import java.time.Instant;

/**
 * One WhatsApp number of a client.
 *
 * @param permitted whether the client shares it with the partner (on the permission page or in the Client Hub) and
 *     has not withdrawn it
 * @param standing restriction and cancellation, apart from the onboarding stage
 */
record Channel(String id, String partnerId, String clientId, String phoneNumber, String wabaId, String appId,
        Stage stage, Standing standing, boolean permitted, Instant createdAt, Instant modifiedAt,
        Instant billingStartedAt, Instant terminatedAt) {

    Channel at(Stage next, Instant now) {
        return new Channel(id, partnerId, clientId, phoneNumber, wabaId, appId, next, standing, permitted, createdAt,
                now, next == Stage.LIVE && billingStartedAt == null ? now : billingStartedAt, terminatedAt);
    }

    Channel permitted(boolean now, Instant at) {
        return new Channel(id, partnerId, clientId, phoneNumber, wabaId, appId, stage, standing, now, createdAt, at,
                billingStartedAt, terminatedAt);
    }

    Channel standing(Standing next, Instant now) {
        return new Channel(id, partnerId, clientId, phoneNumber, wabaId, appId, stage, next, permitted, createdAt, now,
                billingStartedAt, next == Standing.CANCELLED ? now : terminatedAt);
    }

    /** 360dialog's status: the standing's while restricted or cancelled, else the stage's. */
    String status() {
        return standing.status(stage);
    }

    /** Keys exist from {@code running} on, and no longer once the number is cancelled. */
    boolean acceptsApiKeys() {
        return stage.acceptsApiKeys() && standing != Standing.CANCELLED;
    }

    /** Partner Payment hubs may create keys for every channel; Direct Payment ones only for permitted channels. */
    boolean allowsApiKeys(PaymentMode mode) {
        return mode == PaymentMode.PARTNER || permitted;
    }

    /** Shared with the partner as the Client Hub shows it: what {@code shared_client_numbers} lists. */
    boolean sharedWith(PaymentMode mode) {
        return allowsApiKeys(mode) && standing != Standing.CANCELLED;
    }
}
