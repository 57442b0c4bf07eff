package org.partnerhub.onboarding.keys.handout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ApiTokensTest {

    private final ApiTokens tokens = new ApiTokens(List.of("fake-token-one", "fake-token-two"));

    @Test
    void namesTheCallerByTheTokensPosition() {
        assertThat(tokens.caller("Bearer fake-token-two")).hasValue("token-2");
        assertThat(tokens.caller("bearer fake-token-one")).hasValue("token-1");
    }

    @Test
    void refusesMissingWrongOrNonBearerCredentials() {
        assertThat(tokens.caller(null)).isEmpty();
        assertThat(tokens.caller("Bearer fake-token-three")).isEmpty();
        assertThat(tokens.caller("Basic fake-token-one")).isEmpty();
        assertThat(new ApiTokens(List.of()).caller("Bearer ")).isEmpty();
    }
}
