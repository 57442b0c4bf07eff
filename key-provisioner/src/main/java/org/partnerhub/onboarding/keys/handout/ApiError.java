package org.partnerhub.onboarding.keys.handout;

/** The body of every refusal of this API: what was wrong, in words. */
public record ApiError(String error) {
}
