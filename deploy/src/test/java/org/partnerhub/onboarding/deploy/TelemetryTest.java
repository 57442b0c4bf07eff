package org.partnerhub.onboarding.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;

/** telemetry.*: every service exports its spans to the one OTLP endpoint, and nothing leaves without one. */
class TelemetryTest {

    private static final List<String> SERVICES = List.of("gateway", "webhook-ingest", "channel-state",
            "key-provisioner");

    @Test
    void nothingIsExportedByDefault() {
        Chart.Rendered rendered = Chart.render(Chart.values("minimal"));

        for (String service : SERVICES) {
            assertThat(config(rendered, service)).doesNotContainKey("ONBOARDING_TELEMETRY_OTLP_ENDPOINT")
                    .containsEntry("ONBOARDING_TELEMETRY_SAMPLER_RATIO", "1");
        }
    }

    @Test
    void everyServiceExportsToTheConfiguredCollectorWithTheSameSampling() {
        Chart.Rendered rendered = Chart.render(Chart.values("minimal"), Chart.valuesFile(Map.of(
                "telemetry.otlpEndpoint", "http://otel-collector.monitoring:4318/v1/traces",
                "telemetry.samplerRatio", 0.25)));

        for (String service : SERVICES) {
            assertThat(config(rendered, service))
                    .containsEntry("ONBOARDING_TELEMETRY_OTLP_ENDPOINT", "http://otel-collector.monitoring:4318/v1/traces")
                    .containsEntry("ONBOARDING_TELEMETRY_SAMPLER_RATIO", "0.25");
        }
    }

    @Test
    void anEndpointThatIsNotAnHttpUrlOrARatioAboveOneIsRefusedBeforeAnythingRenders() {
        assertThatThrownBy(() -> Chart.render(Chart.values("minimal"),
                Chart.valuesFile(Map.of("telemetry.otlpEndpoint", "otel-collector:4317"))))
                .hasMessageContaining("otlpEndpoint");
        assertThatThrownBy(() -> Chart.render(Chart.values("minimal"),
                Chart.valuesFile(Map.of("telemetry.samplerRatio", 2))))
                .hasMessageContaining("samplerRatio");
    }

    private static Map<String, String> config(Chart.Rendered rendered, String service) {
        return rendered.named(ConfigMap.class, ChartPolicyTest.name(service)).getData();
    }
}
