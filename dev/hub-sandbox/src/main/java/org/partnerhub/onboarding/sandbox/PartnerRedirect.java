package org.partnerhub.onboarding.sandbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The address 360dialog sends the browser back to:
 * {@code {redirect_url}?client=..&channels=[a,b]&revoked=[c]&state=..}, lists bracketed and unquoted as documented
 * (the ids need no encoding), {@code state} percent-encoded and left out when the flow started without one.
 */
final class PartnerRedirect {

    private PartnerRedirect() {
    }

    static String of(String redirectUrl, String clientId, List<String> channels, List<String> revoked, String state) {
        int hash = redirectUrl.indexOf('#');
        String base = hash < 0 ? redirectUrl : redirectUrl.substring(0, hash);
        String fragment = hash < 0 ? "" : redirectUrl.substring(hash);
        StringBuilder url = new StringBuilder(base).append(base.contains("?") ? '&' : '?')
                .append("client=").append(clientId)
                .append("&channels=[").append(String.join(",", channels)).append(']')
                .append("&revoked=[").append(String.join(",", revoked)).append(']');
        if (state != null) {
            url.append("&state=").append(URLEncoder.encode(state, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return url.append(fragment).toString();
    }
}
