package org.partnerhub.onboarding.gateway.web;

/** One configured Partner Hub as a UI shows it: one button each. */
public record HubButton(String id, String label, String paymentMode) {
}
