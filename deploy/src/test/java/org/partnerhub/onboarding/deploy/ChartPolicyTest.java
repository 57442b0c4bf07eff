package org.partnerhub.onboarding.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.LintResult;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;

/** The chart lints and renders for the defaults and with everything on, and what it renders follows the policy. */
class ChartPolicyTest {

    static final List<String> COMPONENTS = List.of("gateway", "webhook-ingest", "channel-state", "key-provisioner");

    static String name(String component) {
        return Chart.RELEASE + "-onboarding-" + component;
    }

    @Test
    void lintsStrictWithTheDefaultsAndWithEveryFeatureOn(@TempDir Path workDir) throws IOException {
        LintResult defaults = Chart.lint(workDir);
        assertThat(defaults.isFailed()).as("%s", defaults.getMessages()).isFalse();
        LintResult everything = Chart.lint(workDir, Chart.values("all-features"));
        assertThat(everything.isFailed()).as("%s", everything.getMessages()).isFalse();
    }

    @Test
    void defaultsRenderTheFourServicesAndOnlyTheOptionalObjectsThatAreOnByDefault() {
        Chart.Rendered rendered = Chart.render(Chart.values("minimal"));

        assertThat(rendered.all(Deployment.class)).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(COMPONENTS.stream().map(ChartPolicyTest::name).toList());
        assertThat(rendered.all(Service.class)).hasSize(4);
        assertThat(rendered.all(NetworkPolicy.class)).as("NetworkPolicies are on by default").hasSize(4);
        assertThat(rendered.all(Ingress.class)).isEmpty();
        assertThat(rendered.all(HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(rendered.all(PodDisruptionBudget.class)).isEmpty();
        assertThat(rendered.all(ServiceMonitor.class)).isEmpty();
        assertThat(rendered.allOfKind("KafkaTopic")).isEmpty();

        ConfigMap gateway = rendered.named(ConfigMap.class, name("gateway"));
        assertThat(gateway.getData())
                .containsEntry("ONBOARDING_GATEWAY_DEV_TENANT_PARAM", "false")
                .containsEntry("ONBOARDING_TOPICS_CREATE", "true")
                .containsEntry("ONBOARDING_HUBS_MAIN_PARTNER_ID", "fake-partner")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka-bootstrap.kafka.svc:9092")
                .containsEntry("QUARKUS_HTTP_PORT", "8080");
        assertThat(rendered.named(ConfigMap.class, name("channel-state")).getData())
                .containsEntry("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://postgres.db.svc:5432/channel_state")
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://postgres.db.svc:5432/channel_state");
        assertThat(rendered.named(Deployment.class, name("gateway")).getSpec().getTemplate().getSpec()
                .getContainers().get(0).getImage()).isEqualTo("partnerhub/onboarding-gateway:" + chartAppVersion());
    }

    @Test
    void everyDeploymentHasProbesResourcesAndARestrictedSecurityContext() {
        for (String values : List.of("minimal", "all-features", "existing-secrets")) {
            for (Deployment deployment : Chart.render(Chart.values(values)).all(Deployment.class)) {
                String what = values + ": " + deployment.getMetadata().getName();
                PodSpec pod = deployment.getSpec().getTemplate().getSpec();
                assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(what).isTrue();
                assertThat(pod.getSecurityContext().getSeccompProfile().getType()).as(what).isEqualTo("RuntimeDefault");
                assertThat(pod.getAutomountServiceAccountToken()).as(what).isFalse();
                assertThat(pod.getEnableServiceLinks()).as(what).isFalse();
                assertThat(pod.getContainers()).as(what).hasSize(1);
                Container container = pod.getContainers().get(0);

                assertThat(container.getStartupProbe().getHttpGet().getPath()).as(what).isEqualTo("/q/health/started");
                assertThat(container.getLivenessProbe().getHttpGet().getPath()).as(what).isEqualTo("/q/health/live");
                assertThat(container.getReadinessProbe().getHttpGet().getPath()).as(what).isEqualTo("/q/health/ready");
                assertThat(container.getResources().getRequests()).as(what).containsKeys("cpu", "memory");
                assertThat(container.getResources().getLimits()).as(what).containsKey("memory");

                var security = container.getSecurityContext();
                assertThat(security.getRunAsNonRoot()).as(what).isTrue();
                assertThat(security.getReadOnlyRootFilesystem()).as(what).isTrue();
                assertThat(security.getAllowPrivilegeEscalation()).as(what).isFalse();
                assertThat(security.getCapabilities().getDrop()).as(what).containsExactly("ALL");
                assertThat(security.getCapabilities().getAdd()).as(what).isNullOrEmpty();
                assertThat(security.getSeccompProfile().getType()).as(what).isEqualTo("RuntimeDefault");

                String tmpVolume = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp"))
                        .findFirst().orElseThrow(() -> new AssertionError(what + ": no /tmp mount")).getName();
                assertThat(pod.getVolumes()).as(what)
                        .anySatisfy(v -> {
                            assertThat(v.getName()).isEqualTo(tmpVolume);
                            assertThat(v.getEmptyDir()).isNotNull();
                        });
            }
        }
    }

    @Test
    void everyFeatureOnRendersIngressAutoscalingBudgetsMonitoringAndTopics() {
        Chart.Rendered rendered = Chart.render(Chart.values("all-features"));

        assertThat(rendered.all(Ingress.class)).extracting(i -> i.getMetadata().getName())
                .as("only the two services the internet reaches")
                .containsExactlyInAnyOrder(name("gateway"), name("webhook-ingest"));
        assertThat(rendered.all(Ingress.class))
                .flatExtracting(i -> i.getSpec().getRules())
                .flatExtracting(r -> r.getHttp().getPaths())
                .allSatisfy(p -> assertThat(p.getPath()).as("health and metrics stay internal").doesNotStartWith("/q"));
        assertThat(rendered.all(HorizontalPodAutoscaler.class)).hasSize(4)
                .allSatisfy(h -> assertThat(h.getSpec().getScaleTargetRef().getName()).isEqualTo(h.getMetadata().getName()));
        assertThat(rendered.all(Deployment.class)).as("the autoscaler owns the replica count")
                .allSatisfy(d -> assertThat(d.getSpec().getReplicas()).isNull());
        assertThat(rendered.all(PodDisruptionBudget.class)).hasSize(4);
        assertThat(rendered.all(ServiceMonitor.class)).singleElement()
                .satisfies(m -> assertThat(m.getSpec().getEndpoints()).singleElement()
                        .satisfies(e -> assertThat(e.getPath()).isEqualTo("/q/metrics")));
        assertThat(rendered.allOfKind("KafkaTopic")).isNotEmpty();

        assertThat(rendered.named(ConfigMap.class, name("gateway")).getData())
                .containsEntry("ONBOARDING_TOPICS_CREATE", "false")
                .containsEntry("KAFKA_CLIENT_RACK", "zone-a")
                .containsEntry("QUARKUS_LOG_LEVEL", "DEBUG")
                .containsEntry("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "/etc/onboarding/jwt/public-key")
                .containsEntry("KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/onboarding/kafka-truststore/ca.p12")
                .containsEntry("KAFKA_SSL_KEYSTORE_LOCATION", "/etc/onboarding/kafka-keystore/user.p12")
                .containsEntry("KAFKA_SSL_KEYSTORE_TYPE", "PKCS12");
        assertThat(rendered.named(ConfigMap.class, name("channel-state")).getData())
                .containsEntry("ONBOARDING_STATE_ALLOWED_ORIGINS", "https://ops.example.com")
                .containsEntry("ONBOARDING_OUTBOX_POLL_INTERVAL", "2s")
                .containsEntry("ONBOARDING_RECONCILE_STALE_AFTER", "1h")
                .containsEntry("ONBOARDING_RECONCILE_LIVE_INTERVAL", "2h")
                .containsEntry("ONBOARDING_RECONCILE_PERMISSIONS_HOT_INTERVAL", "1m")
                .containsEntry("ONBOARDING_RECONCILE_PERMISSIONS_CALLS_PER_MINUTE", "20");
        assertThat(rendered.named(ConfigMap.class, name("webhook-ingest")).getData())
                .containsEntry("ONBOARDING_INGEST_RETRY_AFTER", "5s")
                .containsEntry("ONBOARDING_INGEST_BODY_TIMEOUT", "3s");
        assertThat(rendered.named(ConfigMap.class, name("key-provisioner")).getData())
                .containsEntry("ONBOARDING_KEYS_POLL_INTERVAL", "2s")
                .containsEntry("ONBOARDING_KEYS_RETRY_MAX_ATTEMPTS", "12")
                .containsEntry("ONBOARDING_KEYS_RETRY_INITIAL_DELAY", "5s")
                .containsEntry("ONBOARDING_KEYS_RETRY_MAX_DELAY", "10m");
        assertThat(rendered.all(Deployment.class)).as("the TLS stores are mounted from their Secrets")
                .allSatisfy(d -> assertThat(d.getSpec().getTemplate().getSpec().getVolumes())
                        .filteredOn(v -> v.getSecret() != null).extracting(v -> v.getSecret().getSecretName())
                        .containsExactlyInAnyOrder("my-cluster-cluster-ca-cert", "onboarding-kafka-user"));
        assertThat(rendered.named(Deployment.class, name("gateway")).getSpec().getTemplate().getSpec()
                .getContainers().get(0).getImage()).isEqualTo("registry.example.com/partnerhub/onboarding-gateway:1.2.3");
    }

    @Test
    void onlyGatewayAndIngestAreReachableFromAnywhereAndTheApisOnlyFromTheirClients() {
        Chart.Rendered defaults = Chart.render(Chart.values("minimal"));
        for (String component : List.of("gateway", "webhook-ingest")) {
            assertThat(defaults.named(NetworkPolicy.class, name(component)).getSpec().getIngress())
                    .as(component).anySatisfy(rule -> assertThat(rule.getFrom()).isNullOrEmpty());
        }
        for (String component : List.of("channel-state", "key-provisioner")) {
            assertThat(defaults.named(NetworkPolicy.class, name(component)).getSpec().getIngress())
                    .as("%s takes no traffic until its clients are named", component).isEmpty();
        }

        Chart.Rendered configured = Chart.render(Chart.values("all-features"));
        Map<String, String> onlyFromNamespace = Map.of(
                "gateway", "ingress-nginx", "webhook-ingest", "ingress-nginx",
                "channel-state", "billing", "key-provisioner", "messaging");
        onlyFromNamespace.forEach((component, namespace) -> {
            List<NetworkPolicyIngressRule> rules =
                    configured.named(NetworkPolicy.class, name(component)).getSpec().getIngress();
            assertThat(rules).as(component).allSatisfy(rule -> assertThat(rule.getFrom()).isNotEmpty());
            assertThat(rules).as(component).flatExtracting(NetworkPolicyIngressRule::getFrom)
                    .extracting(peer -> peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"))
                    .containsExactlyInAnyOrder(namespace, "monitoring");
        });
    }

    @Test
    void podsRollWhenTheirOwnConfigurationChangesAndOnlyThen() {
        Chart.Rendered before = Chart.render(Chart.values("all-features"));
        Chart.Rendered after = Chart.render(Chart.values("all-features"), Chart.valuesFile(Map.of(
                "gateway.jwt.publicKey", "-----BEGIN PUBLIC KEY-----\nbmV3LWZha2Uta2V5\n-----END PUBLIC KEY-----\n",
                "channelState.database.password", "fake-secret-db-channel-state-2",
                "auth.credentials", List.of(Map.of("name", "ops", "tokenSha256", "0".repeat(64),
                        "hubs", List.of("*"), "tenants", List.of("*"), "scopes", List.of("keys:read"))))));
        for (String component : COMPONENTS) {
            Map<String, String> was = podAnnotations(before, component);
            Map<String, String> is = podAnnotations(after, component);
            switch (component) {
                case "gateway", "key-provisioner" -> assertThat(is.get("checksum/config")).as(component)
                        .isNotEqualTo(was.get("checksum/config"));
                case "channel-state" -> assertThat(is).as(component)
                        .doesNotContainEntry("checksum/config", was.get("checksum/config"))
                        .doesNotContainEntry("checksum/secret", was.get("checksum/secret"));
                default -> assertThat(is).as(component).isEqualTo(was);
            }
        }
    }

    private static Map<String, String> podAnnotations(Chart.Rendered rendered, String component) {
        return rendered.named(Deployment.class, name(component)).getSpec().getTemplate().getMetadata().getAnnotations();
    }

    @Test
    void disablingNetworkPoliciesRemovesThem() {
        assertThat(Chart.render(Chart.values("minimal"), Chart.valuesFile(Map.of("networkPolicy.enabled", false)))
                .all(NetworkPolicy.class)).isEmpty();
    }

    @Test
    void chartAppVersionIsTheProjectVersion() {
        assertThat(chartAppVersion()).isEqualTo(System.getProperty("project.version"));
    }

    static String chartAppVersion() {
        try {
            JsonNode chart = new ObjectMapper(new YAMLFactory())
                    .readTree(Files.readString(Chart.DIR.resolve("Chart.yaml")));
            return chart.get("appVersion").asText();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
