package org.partnerhub.onboarding.auth;

/** The body of every refusal of the internal APIs (401, 403 and the services' own 4xx): what was wrong, in words. */
public record ApiError(String error) {
}
