package org.partnerhub.onboarding.gateway.state;

/** A freshly issued flow state and its signed token, the {@code state} parameter 360dialog echoes back. */
public record SignedState(FlowState state, String token) {
}
