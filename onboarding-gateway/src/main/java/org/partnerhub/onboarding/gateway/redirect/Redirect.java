package org.partnerhub.onboarding.gateway.redirect;

import java.util.List;

/**
 * What 360dialog's redirect says the client did: user input until its state is checked and the Partner API confirms
 * its ids.
 *
 * @param state null when the redirect carries none (360dialog's Direct Link)
 */
public record Redirect(String clientId, List<String> channels, List<String> revoked, String state) {

    public Redirect {
        channels = List.copyOf(channels);
        revoked = List.copyOf(revoked);
    }

    public boolean hasState() {
        return state != null;
    }
}
