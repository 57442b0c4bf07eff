package org.partnerhub.onboarding.gateway.redirect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RedirectParserTest {

    @Test
    void readsClientListsAndState() throws MalformedRedirectException {
        Redirect redirect = RedirectParser.parse(query(
                "client", "oaY9LLfUCL", "channels", "[y9MiLoCH,b2CH]", "revoked", "[c3CH]", "state", "s.t"));

        assertThat(redirect).isEqualTo(new Redirect("oaY9LLfUCL", List.of("y9MiLoCH", "b2CH"), List.of("c3CH"), "s.t"));
    }

    @Test
    void missingListsAreEmpty() throws MalformedRedirectException {
        Redirect redirect = RedirectParser.parse(query("client", "oaY9LLfUCL", "state", "s.t"));

        assertThat(redirect.channels()).isEmpty();
        assertThat(redirect.revoked()).isEmpty();
    }

    @Test
    void rejectsMissingOrBadClient() {
        assertRejected(query("channels", "[a]", "state", "s.t"), "client is missing");
        assertRejected(query("client", "", "state", "s.t"), "client must be");
        assertRejected(query("client", "a b", "state", "s.t"), "client must be");
        assertRejected(query("client", "x".repeat(65), "state", "s.t"), "client must be");
    }

    @Test
    void rejectsMissingState() {
        assertRejected(query("client", "oaY9LLfUCL", "channels", "[a]"), "state is missing");
        assertRejected(query("client", "oaY9LLfUCL", "state", ""), "state is missing");
    }

    @Test
    void aStatelessRedirectMayLeaveTheStateOutButNotEmpty() throws Exception {
        Redirect redirect = RedirectParser.parseStateOptional(query("client", "oaY9LLfUCL", "channels", "[a]"));

        assertThat(redirect.hasState()).isFalse();
        assertThat(redirect.channels()).containsExactly("a");
        assertThatThrownBy(() -> RedirectParser.parseStateOptional(query("client", "oaY9LLfUCL", "state", "")))
                .hasMessage("state is missing");
    }

    @Test
    void rejectsAParameterGivenTwice() {
        Map<String, List<String>> query = query("client", "oaY9LLfUCL", "state", "s.t");
        query.put("channels", List.of("[a]", "[b]"));

        assertRejected(query, "channels is given more than once");
    }

    @Test
    void rejectsAChannelBothGrantedAndRevoked() {
        assertRejected(query("client", "oaY9LLfUCL", "channels", "[a,b]", "revoked", "[b]", "state", "s.t"),
                "both in channels and in revoked");
    }

    private static void assertRejected(Map<String, List<String>> query, String message) {
        assertThatThrownBy(() -> RedirectParser.parse(query))
                .isInstanceOf(MalformedRedirectException.class)
                .hasMessageContaining(message);
    }

    private static Map<String, List<String>> query(String... namesAndValues) {
        Map<String, List<String>> query = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return query;
    }
}
