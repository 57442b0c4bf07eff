package org.partnerhub.onboarding.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

/**
 * channel-state's console (onboarding.console.*): the stuck list's settings, and the retry forwarded to
 * key-provisioner with a token that only ever comes from an existing Secret.
 */
class ConsoleTest {

    private static final String TOKEN_ENV = "ONBOARDING_CONSOLE_KEY_PROVISIONER_TOKEN";
    private static final Map<String, Object> FORWARDING = Map.of(
            "channelState.console.keyProvisioner.tokenSecret.name", "console-token",
            "channelState.console.keyProvisioner.tokenSecret.key", "bearer");

    @Test
    void byDefaultNothingOfTheConsoleIsSetAndTheRetryIsOff() {
        Chart.Rendered rendered = Chart.render(Chart.values("minimal"));

        assertThat(config(rendered).keySet()).noneSatisfy(name -> assertThat(name).startsWith("ONBOARDING_CONSOLE_"));
        assertThat(env(rendered)).extracting(EnvVar::getName).doesNotContain(TOKEN_ENV);
        assertThat(ingressPeers(rendered)).isEmpty();
    }

    @Test
    void theStuckListsSettingsArePlainConfiguration() {
        Chart.Rendered rendered = Chart.render(Chart.values("minimal"), Chart.valuesFile(Map.of(
                "channelState.console.stuckAfter", "2H", "channelState.console.stuckCountInterval", "30S")));

        assertThat(config(rendered)).containsEntry("ONBOARDING_CONSOLE_STUCK_AFTER", "2H")
                .containsEntry("ONBOARDING_CONSOLE_STUCK_COUNT_INTERVAL", "30S")
                .doesNotContainKey("ONBOARDING_CONSOLE_KEY_PROVISIONER_URL");
    }

    @Test
    void theRetryGoesToThisReleasesKeyProvisionerWithTheTokenFromTheExistingSecret() {
        Chart.Rendered rendered = Chart.render(Chart.values("minimal"), Chart.valuesFile(FORWARDING));

        assertThat(config(rendered)).containsEntry("ONBOARDING_CONSOLE_KEY_PROVISIONER_URL",
                "http://" + ChartPolicyTest.name("key-provisioner") + ":8080").doesNotContainKey(TOKEN_ENV);
        EnvVar token = env(rendered).stream().filter(e -> e.getName().equals(TOKEN_ENV)).findFirst().orElseThrow();
        assertThat(token.getValue()).as("never a plain value").isNull();
        SecretKeySelector reference = token.getValueFrom().getSecretKeyRef();
        assertThat(reference.getName()).isEqualTo("console-token");
        assertThat(reference.getKey()).isEqualTo("bearer");
        assertThat(reference.getOptional()).as("a token Secret that lacks the key stops the pod").isNull();
        assertThat(rendered.all(ConfigMap.class)).allSatisfy(map -> assertThat(map.getData().keySet())
                .noneSatisfy(name -> assertThat(name).contains("CONSOLE_KEY_PROVISIONER_TOKEN")));

        List<NetworkPolicyEgressRule> egress = rendered.named(NetworkPolicy.class,
                ChartPolicyTest.name("channel-state")).getSpec().getEgress();
        assertThat(egress).filteredOn(rule -> rule.getPorts().getFirst().getPort().getIntVal() == 8080)
                .singleElement().satisfies(rule -> assertThat(component(rule.getTo().getFirst()))
                        .isEqualTo("key-provisioner"));
        assertThat(ingressPeers(rendered)).extracting(ConsoleTest::component).containsExactly("channel-state");
    }

    @Test
    void aUrlOfItsOwnIsUsedAndLeavesTheNetworkPoliciesToTheOperator() {
        Map<String, Object> values = new HashMap<>(FORWARDING);
        values.put("channelState.console.keyProvisioner.url", "https://keys.example.com");
        values.put("channelState.console.keyProvisioner.timeout", "5s");
        Chart.Rendered rendered = Chart.render(Chart.values("minimal"), Chart.valuesFile(values));

        assertThat(config(rendered)).containsEntry("ONBOARDING_CONSOLE_KEY_PROVISIONER_URL", "https://keys.example.com")
                .containsEntry("ONBOARDING_CONSOLE_KEY_PROVISIONER_TIMEOUT", "5s");
        assertThat(ingressPeers(rendered)).isEmpty();
    }

    @Test
    void aUrlWithoutTheTokenSecretSetsNothing() {
        Chart.Rendered rendered = Chart.render(Chart.values("minimal"), Chart.valuesFile(Map.of(
                "channelState.console.keyProvisioner.url", "https://keys.example.com")));

        assertThat(config(rendered)).doesNotContainKey("ONBOARDING_CONSOLE_KEY_PROVISIONER_URL");
        assertThat(env(rendered)).extracting(EnvVar::getName).doesNotContain(TOKEN_ENV);
    }

    @Test
    void theTokenItselfIsNoValue() {
        assertThatThrownBy(() -> Chart.render(Chart.values("minimal"), Chart.valuesFile(Map.of(
                "channelState.console.keyProvisioner.token", "fake-secret-console-token"))))
                .hasMessageContaining("schema");
    }

    private static Map<String, String> config(Chart.Rendered rendered) {
        return rendered.named(ConfigMap.class, ChartPolicyTest.name("channel-state")).getData();
    }

    private static List<EnvVar> env(Chart.Rendered rendered) {
        return rendered.named(Deployment.class, ChartPolicyTest.name("channel-state"))
                .getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv();
    }

    /** The pods key-provisioner's API lets in (its allowedClients, none in these values, and channel-state). */
    private static List<NetworkPolicyPeer> ingressPeers(Chart.Rendered rendered) {
        List<NetworkPolicyIngressRule> ingress = rendered.named(NetworkPolicy.class,
                ChartPolicyTest.name("key-provisioner")).getSpec().getIngress();
        return ingress == null ? List.of() : ingress.stream().flatMap(rule -> rule.getFrom().stream()).toList();
    }

    private static String component(NetworkPolicyPeer peer) {
        assertThat(peer.getNamespaceSelector()).as("a pod of this release's namespace").isNull();
        return peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/component");
    }
}
