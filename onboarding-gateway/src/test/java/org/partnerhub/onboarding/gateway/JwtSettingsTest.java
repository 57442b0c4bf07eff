package org.partnerhub.onboarding.gateway;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class JwtSettingsTest {

    private static final Optional<String> ISSUER = Optional.of("https://idp.example.com");
    private static final Optional<List<String>> AUDIENCES = Optional.of(List.of("onboarding-gateway"));

    @Test
    void jwtModeNeedsTheIssuerAndSaysWhichKeyIsMissing() {
        assertThatThrownBy(() -> JwtSettings.check(false, Optional.empty(), AUDIENCES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("mp.jwt.verify.issuer is required");
        assertThatThrownBy(() -> JwtSettings.check(false, Optional.of(" "), AUDIENCES))
                .hasMessageStartingWith("mp.jwt.verify.issuer is required");
    }

    @Test
    void jwtModeNeedsTheAudienceAndSaysWhichKeyIsMissing() {
        assertThatThrownBy(() -> JwtSettings.check(false, ISSUER, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("mp.jwt.verify.audiences is required");
        assertThatThrownBy(() -> JwtSettings.check(false, ISSUER, Optional.of(List.of(""))))
                .hasMessageStartingWith("mp.jwt.verify.audiences is required");
    }

    @Test
    void bothGivenOrTheDevTenantParameterIsEnough() {
        assertThatCode(() -> JwtSettings.check(false, ISSUER, AUDIENCES)).doesNotThrowAnyException();
        assertThatCode(() -> JwtSettings.check(true, Optional.empty(), Optional.empty())).doesNotThrowAnyException();
    }
}
