package org.partnerhub.onboarding.sandbox;

/** Who pays 360dialog: decides the price page and whether the partner may create API keys by default. */
public enum PaymentMode {
    PARTNER,
    DIRECT
}
