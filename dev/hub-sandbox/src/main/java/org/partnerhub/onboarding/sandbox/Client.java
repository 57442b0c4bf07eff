package org.partnerhub.onboarding.sandbox;

import java.time.Instant;

/** A 360dialog client: the partner's customer who signed up on the permission page. */
record Client(String id, String partnerId, String name, String email, String partnerPayload, Instant createdAt) {
}
