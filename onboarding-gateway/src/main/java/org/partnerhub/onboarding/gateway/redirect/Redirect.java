package org.partnerhub.onboarding.gateway.redirect;

import java.util.List;

/** What 360dialog's redirect says the client did, before its state is checked. */
public record Redirect(String clientId, List<String> channels, List<String> revoked, String state) {

    public Redirect {
        channels = List.copyOf(channels);
        revoked = List.copyOf(revoked);
    }
}
