package org.partnerhub.onboarding.gateway.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.partnerhub.onboarding.gateway.redirect.Redirect;

/**
 * The page the popup lands on after 360dialog. In a popup it hands its message to {@code window.opener} (only to
 * the allowed origins and the gateway's own) and closes; it does so on {@code window.onload}, so that it also works
 * where the popup cannot close. Without an opener it shows the result and a link back.
 */
final class RedirectPage {

    /** The one script, fixed, so the Content-Security-Policy can allow exactly it by hash. */
    private static final String SCRIPT = """
            window.onload = function () {
              var data = JSON.parse(document.getElementById('onboarding-data').textContent);
              if (!data.message || !window.opener || window.opener === window) {
                return;
              }
              data.origins.concat([window.location.origin]).forEach(function (origin) {
                window.opener.postMessage(data.message, origin);
              });
              window.close();
            };
            """;
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
            + "script-src 'sha256-" + sha256(SCRIPT) + "'; base-uri 'none'; form-action 'none'";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RedirectPage() {
    }

    static Response accepted(Redirect redirect, List<String> allowedOrigins, String returnUrl) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("client", redirect.clientId());
        message.put("channels", redirect.channels());
        message.put("revoked", redirect.revoked());
        String body = "<h1>WhatsApp connected</h1>"
                + "<p>Client <code>" + escape(redirect.clientId()) + "</code> granted access to "
                + list(redirect.channels()) + ".</p>"
                + (redirect.revoked().isEmpty() ? "" : "<p>Access withdrawn from " + list(redirect.revoked()) + ".</p>");
        return page(Response.Status.OK, "WhatsApp connected", body, message, allowedOrigins, returnUrl);
    }

    static Response rejected(String reason, String explanation, List<String> allowedOrigins, String returnUrl) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("error", reason);
        message.put("message", explanation);
        String body = "<h1>This sign-up could not be completed</h1><p>" + escape(explanation)
                + "</p><p>Nothing was recorded. Please start the connection again.</p>";
        return page(Response.Status.BAD_REQUEST, "Sign-up not completed", body, message, allowedOrigins, returnUrl);
    }

    /** No message for the opener: the popup stays open so the user can reload the very same redirect. */
    static Response unavailable(String returnUrl) {
        String body = "<h1>Please try again in a moment</h1><p>We could not record your choice just now. "
                + "Reload this page to try again; nothing is lost by doing so.</p>";
        return page(Response.Status.SERVICE_UNAVAILABLE, "Please try again", body, null, List.of(), returnUrl);
    }

    private static Response page(Response.Status status, String title, String body, Map<String, Object> message,
            List<String> allowedOrigins, String returnUrl) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("origins", allowedOrigins);
        data.put("message", message);
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + "</title>"
                + "<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}"
                + "</style></head><body>" + body
                + (returnUrl == null ? "" : "<p><a href=\"" + escape(returnUrl) + "\">Back</a></p>")
                + "<script type=\"application/json\" id=\"onboarding-data\">" + scriptSafeJson(data) + "</script>"
                + "<script>" + SCRIPT + "</script></body></html>";
        return Response.status(status)
                .type("text/html; charset=utf-8")
                .cacheControl(CacheControl.valueOf("no-store"))
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .entity(html)
                .build();
    }

    private static String list(List<String> ids) {
        if (ids.isEmpty()) {
            return "no channels";
        }
        StringBuilder html = new StringBuilder();
        for (String id : ids) {
            html.append(html.isEmpty() ? "" : ", ").append("<code>").append(escape(id)).append("</code>");
        }
        return html.toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** JSON that cannot end the script element it sits in, whatever configuration or input it carries. */
    private static String scriptSafeJson(Object value) {
        try {
            return JSON.writeValueAsString(value)
                    .replace("<", "\\u003c")
                    .replace(">", "\\u003e")
                    .replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the redirect page", e);
        }
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }
}
