package org.partnerhub.onboarding.gateway.redirect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.partnerhub.onboarding.events.permission.ClientLinked;
import org.partnerhub.onboarding.events.permission.PermissionEvent;
import org.partnerhub.onboarding.events.permission.PermissionGranted;
import org.partnerhub.onboarding.events.permission.PermissionRevoked;
import org.partnerhub.onboarding.events.permission.Verification;
import org.partnerhub.onboarding.gateway.state.FlowState;

/**
 * The facts one verified redirect establishes. The flow's nonce is their fact key, so the same redirect loaded again
 * yields the same event ids and consumers drop the repeat.
 */
public final class RedirectFacts {

    /** How the permissions became known, in the events' {@code source} field. */
    public static final String SOURCE = "redirect";

    private RedirectFacts() {
    }

    /** The client link first, then one event per granted and per revoked channel, in the redirect's order. */
    public static List<PermissionEvent> of(Redirect redirect, FlowState flow, Instant now) {
        String hub = flow.hubId();
        String client = redirect.clientId();
        String tenant = flow.tenant();
        String factKey = flow.nonce();
        List<PermissionEvent> facts = new ArrayList<>();
        facts.add(new ClientLinked(hub, client, tenant, now, factKey));
        redirect.channels().forEach(channel ->
                facts.add(new PermissionGranted(hub, client, channel, tenant, SOURCE, now, factKey,
                        Verification.PENDING)));
        redirect.revoked().forEach(channel ->
                facts.add(new PermissionRevoked(hub, client, channel, tenant, SOURCE, now, factKey,
                        Verification.PENDING)));
        return List.copyOf(facts);
    }
}
