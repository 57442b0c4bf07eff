package org.partnerhub.onboarding.gateway;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AllowedOriginsTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example.com", "http://localhost:3000", "https://app.example.com:8443"})
    void acceptsOrigins(String origin) {
        assertThatCode(() -> AllowedOrigins.check(List.of(origin))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://app.example.com/", "https://app.example.com/settings", "app.example.com", "*",
        "https://app.example.com?x=1", "ftp://app.example.com", "https://user@app.example.com", "https://"
    })
    void refusesAnythingBrowsersWouldNotMatch(String origin) {
        assertThatThrownBy(() -> AllowedOrigins.check(List.of("https://ok.example.com", origin)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + origin + "' is not an origin");
    }
}
