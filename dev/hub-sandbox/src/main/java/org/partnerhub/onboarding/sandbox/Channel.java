package org.partnerhub.onboarding.sandbox;

import java.time.Instant;

/**
 * One WhatsApp number of a client.
 *
 * @param permitted whether the client shared it with the partner on the permission page (and has not revoked it)
 */
record Channel(String id, String partnerId, String clientId, String phoneNumber, String wabaId, String appId,
        Stage stage, boolean permitted, Instant createdAt, Instant modifiedAt, Instant billingStartedAt) {

    Channel at(Stage next, Instant now) {
        return new Channel(id, partnerId, clientId, phoneNumber, wabaId, appId, next, permitted, createdAt, now,
                next == Stage.LIVE && billingStartedAt == null ? now : billingStartedAt);
    }

    Channel permitted(boolean now, Instant at) {
        return new Channel(id, partnerId, clientId, phoneNumber, wabaId, appId, stage, now, createdAt, at,
                billingStartedAt);
    }

    /** Partner Payment hubs may create keys for every channel; Direct Payment ones only for permitted channels. */
    boolean allowsApiKeys(PaymentMode mode) {
        return mode == PaymentMode.PARTNER || permitted;
    }
}
