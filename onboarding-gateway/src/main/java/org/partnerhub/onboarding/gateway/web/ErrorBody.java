package org.partnerhub.onboarding.gateway.web;

/** The JSON of a refused API request: what was wrong, in words a developer can act on. */
public record ErrorBody(String error) {
}
