package org.partnerhub.onboarding.gateway.web;

import java.net.URI;
import java.time.Instant;

/** The answer to a start request; the nonce goes into the cookie, never into this body. */
public record StartedFlow(URI permissionsUrl, String state, Instant expiresAt) {
}
