package org.partnerhub.onboarding.runtime.hubs;

/**
 * Who pays 360dialog for a hub's channels. It decides where the API-key permission comes from: with
 * Partner Payment the partner holds it from the start, with Direct Payment only once the client grants it.
 */
public enum PaymentMode {
    PARTNER,
    DIRECT
}
