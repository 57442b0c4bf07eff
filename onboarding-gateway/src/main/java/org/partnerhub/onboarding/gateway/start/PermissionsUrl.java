package org.partnerhub.onboarding.gateway.start;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * The address of 360dialog's permission page for one flow:
 * {@code {hub-ui}/dashboard/app/{partner-id}/permissions?redirect_url=...&state=...} plus the prefill parameters
 * and, where the hub has a platform secret, the IO Signature; every value percent-encoded.
 */
public final class PermissionsUrl {

    private PermissionsUrl() {
    }

    /**
     * @param redirectUrl null to fall back to the redirect URL set on the Partner Hub
     * @param signature null when the hub does not use IO Signature
     */
    public static URI of(URI hubUi, String partnerId, String redirectUrl, String state, Prefill prefill,
            IoSignature signature) {
        String base = hubUi.toString().replaceAll("/+$", "");
        StringJoiner query = new StringJoiner("&");
        add(query, "redirect_url", redirectUrl);
        add(query, "state", state);
        add(query, "email", prefill.email());
        add(query, "name", prefill.name());
        add(query, "number", prefill.number());
        add(query, "partner", prefill.partner());
        add(query, "plan_selection", prefill.plan());
        if (prefill.login()) {
            add(query, "next", "login");
        }
        if (signature != null) {
            add(query, IoSignature.SIGNATURE_PARAM, signature.signature());
            add(query, IoSignature.TIMESTAMP_PARAM, String.valueOf(signature.timestamp()));
        }
        return URI.create(base + "/dashboard/app/" + encode(partnerId) + "/permissions?" + query);
    }

    private static void add(StringJoiner query, String name, String value) {
        if (value != null) {
            query.add(name + "=" + encode(value));
        }
    }

    /** Form encoding writes a space as '+', which not every server reads as a space in a query; %20 is unambiguous. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
