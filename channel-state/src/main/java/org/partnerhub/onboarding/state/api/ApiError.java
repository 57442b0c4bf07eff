package org.partnerhub.onboarding.state.api;

/** The body of every 4xx answer: what was wrong, in words. */
public record ApiError(String error) {
}
