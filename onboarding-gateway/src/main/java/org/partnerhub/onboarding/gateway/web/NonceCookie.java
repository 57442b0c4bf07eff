package org.partnerhub.onboarding.gateway.web;

import java.time.Duration;

import jakarta.ws.rs.core.NewCookie;

/**
 * Binds a flow to the browser that started it: the redirect counts only if this cookie holds the state's nonce.
 * SameSite=Lax still sends it on 360dialog's top-level redirect back to us. A browser keeps one flow at a time:
 * starting another replaces it.
 */
final class NonceCookie {

    static final String NAME = "onboarding_nonce";
    private static final String PATH = "/onboarding";

    private NonceCookie() {
    }

    static NewCookie of(String nonce, Duration ttl) {
        return new NewCookie.Builder(NAME)
                .value(nonce)
                .path(PATH)
                .maxAge((int) ttl.toSeconds())
                .httpOnly(true)
                .secure(true)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }
}
