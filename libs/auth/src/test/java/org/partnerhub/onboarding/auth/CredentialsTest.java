package org.partnerhub.onboarding.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CredentialsTest {

    private static final Credentials CREDENTIALS = Credentials.of(Map.of(
            "dashboard", configured("fake-dashboard-token", List.of("*"), List.of("acme", "globex"),
                    List.of("channels:read")),
            "keys", configured("fake-keys-token", List.of("main"), List.of("*"), List.of("keys:read", "keys:retry"))));

    @Test
    void namesTheCredentialWhoseTokenHashesToTheConfiguredDigest() {
        assertThat(CREDENTIALS.identify("Bearer fake-dashboard-token")).map(Credential::name).hasValue("dashboard");
        assertThat(CREDENTIALS.identify("bearer fake-keys-token")).map(Credential::name).hasValue("keys");
    }

    @Test
    void knowsNoOtherTokenAndNoOtherScheme() {
        assertThat(CREDENTIALS.identify(null)).isEmpty();
        assertThat(CREDENTIALS.identify("Bearer ")).isEmpty();
        assertThat(CREDENTIALS.identify("Bearer fake-unknown-token")).isEmpty();
        assertThat(CREDENTIALS.identify("Basic fake-keys-token")).isEmpty();
        // The digest itself is not a token.
        assertThat(CREDENTIALS.identify("Bearer " + sha256Hex("fake-keys-token"))).isEmpty();
        assertThat(Credentials.of(Map.of()).identify("Bearer fake-keys-token")).isEmpty();
    }

    @Test
    void aCredentialSeesOnlyItsHubsAndTenants() {
        Credential dashboard = CREDENTIALS.identify("Bearer fake-dashboard-token").orElseThrow();
        assertThat(dashboard.sees("main", "acme")).isTrue();
        assertThat(dashboard.sees("other", "globex")).isTrue();
        assertThat(dashboard.sees("main", "initech")).isFalse();
        // A channel whose tenant is not known yet belongs to no listed tenant.
        assertThat(dashboard.sees("main", null)).isFalse();
        Credential keys = CREDENTIALS.identify("Bearer fake-keys-token").orElseThrow();
        assertThat(keys.sees("main", null)).isTrue();
        assertThat(keys.sees("other", "acme")).isFalse();
        assertThat(keys.scopes()).containsExactlyInAnyOrder(Scope.KEYS_READ, Scope.KEYS_RETRY);
    }

    @Test
    void refusesAConfigurationItCannotEnforceNamingTheKey() {
        assertThatThrownBy(() -> Credentials.of(Map.of("ops", new Credentials.Configured("fake-token-in-clear",
                List.of("*"), List.of("*"), List.of("keys:read")))))
                .hasMessageContaining("onboarding.auth.credentials.ops.token-sha256")
                .hasMessageNotContaining("fake-token-in-clear");
        assertThatThrownBy(() -> Credentials.of(Map.of("ops", new Credentials.Configured(
                sha256Hex("fake").toUpperCase(), List.of("*"), List.of("*"), List.of("keys:read")))))
                .hasMessageContaining("lowercase hex");
        assertThatThrownBy(() -> Credentials.of(Map.of("ops", configured("fake", List.of("*"), List.of("*"),
                List.of("keys:write"))))).hasMessageContaining("ops.scopes").hasMessageContaining("keys:write");
        assertThatThrownBy(() -> Credentials.of(Map.of("ops", configured("fake", List.of("*", "main"), List.of("*"),
                List.of("keys:read"))))).hasMessageContaining("ops.hubs");
        assertThatThrownBy(() -> Credentials.of(Map.of("ops", configured("fake", List.of("*"), List.of(" "),
                List.of("keys:read"))))).hasMessageContaining("ops.tenants");
        assertThatThrownBy(() -> Credentials.of(Map.of(
                "a", configured("fake-shared", List.of("*"), List.of("*"), List.of("keys:read")),
                "b", configured("fake-shared", List.of("*"), List.of("*"), List.of("channels:read")))))
                .hasMessageContaining("its own token");
    }

    private static Credentials.Configured configured(String token, List<String> hubs, List<String> tenants,
            List<String> scopes) {
        return new Credentials.Configured(sha256Hex(token), hubs, tenants, scopes);
    }

    private static String sha256Hex(String token) {
        return HexFormat.of().formatHex(Credentials.sha256(token));
    }
}
