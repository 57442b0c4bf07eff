package org.partnerhub.onboarding.gateway.redirect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.partnerhub.onboarding.events.permission.ClientLinked;
import org.partnerhub.onboarding.events.permission.PermissionEvent;
import org.partnerhub.onboarding.events.permission.PermissionGranted;
import org.partnerhub.onboarding.events.permission.PermissionRevoked;
import org.partnerhub.onboarding.events.permission.Verification;

/**
 * The facts one verified redirect establishes. Their fact key makes the same redirect loaded again yield the same
 * event ids, so consumers drop the repeat: the flow's nonce for a redirect with state, a digest of hub, client and
 * the sorted ids for one without.
 */
public final class RedirectFacts {

    /** How the permissions became known, in the events' {@code source} field. */
    public static final String SOURCE = "redirect";

    private RedirectFacts() {
    }

    /**
     * The client link first, then one event per granted and per revoked channel, in the redirect's order.
     *
     * @param verification whether 360dialog lists each channel under the client; a channel missing here is pending
     */
    public static List<PermissionEvent> of(Redirect redirect, String hubId, String tenant, String factKey,
            Map<String, Verification> verification, Instant now) {
        String client = redirect.clientId();
        List<PermissionEvent> facts = new ArrayList<>();
        facts.add(new ClientLinked(hubId, client, tenant, now, factKey));
        redirect.channels().forEach(channel ->
                facts.add(new PermissionGranted(hubId, client, channel, tenant, SOURCE, now, factKey,
                        verification.getOrDefault(channel, Verification.PENDING))));
        redirect.revoked().forEach(channel ->
                facts.add(new PermissionRevoked(hubId, client, channel, tenant, SOURCE, now, factKey,
                        verification.getOrDefault(channel, Verification.PENDING))));
        return List.copyOf(facts);
    }

    /**
     * The fact key of a redirect without state: nothing random to key it by, so the same hub, client and ids (in any
     * order) always give the same key, and a reload repeats the same event ids.
     */
    public static String statelessFactKey(String hubId, Redirect redirect) {
        String canonical = String.join("\n", hubId, redirect.clientId(),
                String.join(",", redirect.channels().stream().sorted().toList()),
                String.join(",", redirect.revoked().stream().sorted().toList()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return "stateless-" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }
}
