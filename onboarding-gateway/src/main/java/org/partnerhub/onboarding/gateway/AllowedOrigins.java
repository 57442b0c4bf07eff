package org.partnerhub.onboarding.gateway;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * Checks {@code onboarding.gateway.allowed-origins}. Browsers compare origins as exact strings, both for CORS and
 * for {@code postMessage}, so an entry with a path or a trailing slash would fail silently in every popup: better
 * to refuse to start.
 */
public final class AllowedOrigins {

    private AllowedOrigins() {
    }

    public static void check(List<String> origins) {
        for (String origin : origins) {
            if (!isOrigin(origin)) {
                throw new IllegalArgumentException("onboarding.gateway.allowed-origins: '" + origin
                        + "' is not an origin; write scheme://host[:port], without path or trailing slash");
            }
        }
    }

    private static boolean isOrigin(String value) {
        try {
            URI uri = new URI(value);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    && uri.getHost() != null
                    && uri.getRawUserInfo() == null
                    && value.equals(uri.getScheme() + "://" + uri.getRawAuthority());
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
