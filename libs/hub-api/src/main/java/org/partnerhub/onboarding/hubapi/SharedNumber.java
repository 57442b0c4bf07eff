package org.partnerhub.onboarding.hubapi;

import java.util.Objects;

/**
 * One of a client's numbers whose API-key permission the client currently shares with the partner
 * ({@code GET /partners/{partner_id}/clients/{client_id}/shared_client_numbers}).
 *
 * @param channelId the number's channel id
 * @param phoneNumber as 360dialog writes it, e.g. {@code +4915123456789}; null when the answer leaves it out
 */
public record SharedNumber(String channelId, String phoneNumber) {

    public SharedNumber {
        Objects.requireNonNull(channelId, "channelId");
    }
}
