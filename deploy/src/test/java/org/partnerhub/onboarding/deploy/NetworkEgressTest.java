package org.partnerhub.onboarding.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

/** Each service may connect only to DNS, Kafka, its PostgreSQL and, where it calls it, the Partner API. */
class NetworkEgressTest {

    private static final Set<String> DNS = Set.of("53/UDP", "53/TCP");

    @Test
    void eachServiceReachesOnlyThePortsOfWhatItUses() {
        Chart.Rendered rendered = Chart.render(Chart.values("minimal"));

        Map<String, Set<String>> expected = Map.of(
                "gateway", union(DNS, Set.of("9092/TCP", "443/TCP")),
                "webhook-ingest", union(DNS, Set.of("9092/TCP")),
                "channel-state", union(DNS, Set.of("9092/TCP", "5432/TCP", "443/TCP")),
                "key-provisioner", union(DNS, Set.of("9092/TCP", "5432/TCP", "443/TCP")));
        expected.forEach((component, ports) -> {
            NetworkPolicy policy = rendered.named(NetworkPolicy.class, ChartPolicyTest.name(component));
            assertThat(policy.getSpec().getPolicyTypes()).as(component).containsExactlyInAnyOrder("Ingress", "Egress");
            List<NetworkPolicyEgressRule> rules = policy.getSpec().getEgress();
            assertThat(rules).as("%s: no rule without ports, which would open every port", component)
                    .allSatisfy(rule -> assertThat(rule.getPorts()).isNotEmpty());
            assertThat(ports(rules)).as(component).isEqualTo(ports);
        });
    }

    @Test
    void theConfiguredPeersNarrowEachDestinationAndExtraEgressIsKeyProvisionersAlone() {
        Chart.Rendered rendered = Chart.render(Chart.values("all-features"), Chart.valuesFile(Map.of(
                "kafka.bootstrapServers", "kafka-0.kafka.svc:9093,kafka-1.kafka.svc:9093,kafka-2.kafka.svc:9094",
                "channelState.database.port", 6432)));

        List<NetworkPolicyEgressRule> state =
                rendered.named(NetworkPolicy.class, ChartPolicyTest.name("channel-state")).getSpec().getEgress();
        assertThat(state).as("every destination is narrowed to its peers")
                .allSatisfy(rule -> assertThat(rule.getTo()).isNotEmpty());
        assertThat(peersOn(state, "9093/TCP")).containsExactly("namespace kafka");
        assertThat(peersOn(state, "9094/TCP")).containsExactly("namespace kafka");
        assertThat(peersOn(state, "6432/TCP")).containsExactly("namespace db");
        assertThat(peersOn(state, "443/TCP")).containsExactly("198.51.100.0/24");
        assertThat(peersOn(state, "53/UDP")).containsExactly("namespace kube-system");

        List<NetworkPolicyEgressRule> keys =
                rendered.named(NetworkPolicy.class, ChartPolicyTest.name("key-provisioner")).getSpec().getEgress();
        assertThat(peersOn(keys, "443/TCP")).containsExactlyInAnyOrder("198.51.100.0/24", "203.0.113.0/24");
        assertThat(peersOn(keys, "5432/TCP")).as("its own database's port").containsExactly("namespace db");
        assertThat(rendered.named(NetworkPolicy.class, ChartPolicyTest.name("gateway")).getSpec().getEgress())
                .flatExtracting(NetworkPolicyEgressRule::getTo).extracting(NetworkEgressTest::describe)
                .doesNotContain("203.0.113.0/24", "namespace db");
    }

    @Test
    void explicitKafkaPortsWinOverTheBootstrapServers() {
        Chart.Rendered rendered = Chart.render(Chart.values("minimal"), Chart.valuesFile(Map.of(
                "networkPolicy.egress.kafka.ports", List.of(Map.of("port", 9095, "protocol", "TCP")))));

        assertThat(ports(rendered.named(NetworkPolicy.class, ChartPolicyTest.name("webhook-ingest")).getSpec()
                .getEgress())).isEqualTo(union(DNS, Set.of("9095/TCP")));
    }

    @Test
    void egressCanBeLeftOpen() {
        Chart.Rendered rendered = Chart.render(Chart.values("minimal"),
                Chart.valuesFile(Map.of("networkPolicy.egress.enabled", false)));

        assertThat(rendered.all(NetworkPolicy.class)).hasSize(4).allSatisfy(policy -> {
            assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
            assertThat(policy.getSpec().getEgress()).isNullOrEmpty();
        });
    }

    private static Set<String> ports(List<NetworkPolicyEgressRule> rules) {
        return rules.stream().flatMap(rule -> rule.getPorts().stream())
                .map(port -> port.getPort().getValue() + "/" + port.getProtocol()).collect(Collectors.toSet());
    }

    /** The peers of the rules that open this port. */
    private static List<String> peersOn(List<NetworkPolicyEgressRule> rules, String port) {
        return rules.stream().filter(rule -> ports(List.of(rule)).contains(port))
                .flatMap(rule -> rule.getTo().stream()).map(NetworkEgressTest::describe).toList();
    }

    private static String describe(NetworkPolicyPeer peer) {
        if (peer.getIpBlock() != null) {
            return peer.getIpBlock().getCidr();
        }
        return "namespace " + peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name");
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
    }
}
