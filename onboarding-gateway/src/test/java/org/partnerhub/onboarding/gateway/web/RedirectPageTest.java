package org.partnerhub.onboarding.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.gateway.redirect.Redirect;

class RedirectPageTest {

    private static final Redirect REDIRECT = new Redirect("oaY9LLfUCL", List.of("y9MiLoCH"), List.of(), "s.t");
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);

    @Test
    void itsContentSecurityPolicyAllowsExactlyItsOwnScript() throws Exception {
        Response page = RedirectPage.accepted(REDIRECT, List.of("https://app.example.com"), null);

        Matcher script = INLINE_SCRIPT.matcher(html(page));
        assertThat(script.find()).isTrue();
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(script.group(1).getBytes(StandardCharsets.UTF_8)));
        assertThat(page.getHeaderString("Content-Security-Policy"))
                .contains("default-src 'none'")
                .contains("script-src 'sha256-" + hash + "'");
    }

    @Test
    void configurationCannotBreakOutOfThePage() {
        Response page = RedirectPage.accepted(REDIRECT, List.of("https://app.example.com</script><script>alert(1)"),
                "https://app.example.com/\"><script>alert(2)</script>");

        assertThat(html(page))
                .doesNotContain("<script>alert(")
                .contains("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)")
                .contains("href=\"https://app.example.com/&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;\"");
    }

    @Test
    void handsTheOpenerWhatTheClientDidAndShowsItWithoutOne() {
        String html = html(RedirectPage.accepted(
                new Redirect("oaY9LLfUCL", List.of("y9MiLoCH", "b2CH"), List.of("c3CH"), "s.t"), List.of(),
                "https://app.example.com/settings"));

        assertThat(html)
                .contains("\"message\":{\"client\":\"oaY9LLfUCL\",\"channels\":[\"y9MiLoCH\",\"b2CH\"],"
                        + "\"revoked\":[\"c3CH\"]}")
                .contains("<code>y9MiLoCH</code>, <code>b2CH</code>")
                .contains("<a href=\"https://app.example.com/settings\">Back</a>");
    }

    @Test
    void aRefusedRedirectTellsTheOpenerWhy() {
        Response page = RedirectPage.rejected("expired-state", "this sign-up link has expired", List.of(), null);

        assertThat(page.getStatus()).isEqualTo(400);
        assertThat(html(page)).contains("\"message\":{\"error\":\"expired-state\","
                + "\"message\":\"this sign-up link has expired\"}");
    }

    private static String html(Response page) {
        return (String) page.getEntity();
    }
}
