package org.partnerhub.onboarding.sandbox;

/**
 * One partner webhook as it goes on the wire.
 *
 * @param subject the channel (or client) it is about: out-of-order delivery swaps webhooks of one subject
 * @param body the exact bytes that are signed and sent
 */
record Webhook(String partnerId, String subject, String id, String event, byte[] body) {
}
