package org.partnerhub.onboarding.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;

/** The alerts and the Grafana dashboard: off by default, and on, about the meters the services really export. */
class MonitoringTest {

    static final List<String> ALERTS = List.of("OnboardingWebhookAuthFailures", "OnboardingStuckBeforeKey",
            "OnboardingKeyClaimsFailing", "OnboardingDeadLetters", "OnboardingConsumerLag", "OnboardingOutboxBacklog",
            "OnboardingPartnerApiErrors");
    static final Path OPERATIONS = Path.of("..", "docs", "operations.md");
    /** Meters the services register themselves (Kafka client and HTTP client meters come from Quarkus' binders). */
    static final Pattern OWN_METER = Pattern.compile("\\b(?:webhooks|onboarding|outbox|keys)_[a-z_]+\\b");

    @Test
    void offByDefault() {
        Chart.Rendered rendered = Chart.render(Chart.values("minimal"));

        assertThat(rendered.all(PrometheusRule.class)).isEmpty();
        assertThat(rendered.all(ConfigMap.class))
                .noneSatisfy(c -> assertThat(c.getMetadata().getLabels()).containsKey("grafana_dashboard"));
    }

    @Test
    void everyAlertSaysWhatHappenedAndLinksItsSectionOfTheOperationsGuide() throws IOException {
        PrometheusRule rule = rules(Chart.values("all-features"));
        Set<String> anchors = Files.readString(OPERATIONS).lines().filter(line -> line.startsWith("#"))
                .map(MonitoringTest::anchor).collect(Collectors.toSet());

        assertThat(rule.getMetadata().getLabels()).containsEntry("release", "prometheus");
        assertThat(alerts(rule)).extracting(Rule::getAlert).containsExactlyElementsOf(ALERTS);
        assertThat(alerts(rule)).allSatisfy(alert -> {
            assertThat(alert.getAnnotations()).containsKeys("summary", "description");
            assertThat(alert.getLabels()).containsKey("severity");
            assertThat(alert.getAnnotations().get("runbook_url"))
                    .startsWith("https://git.example.com/onboarding/blob/main/docs/operations.md#");
            assertThat(anchors).as("docs/operations.md has a section for %s", alert.getAlert())
                    .contains(alert.getAnnotations().get("runbook_url").replaceFirst(".*#", ""));
        });
    }

    @Test
    void thresholdsDurationsAndSeveritiesComeFromTheValues() {
        PrometheusRule rule = rules(Chart.values("minimal"), Chart.valuesFile(Map.of(
                "metrics.prometheusRule.enabled", true,
                "metrics.prometheusRule.consumerLag", Map.of("threshold", 50, "for", "3m", "severity", "critical"),
                "metrics.prometheusRule.stuckOnboardings", Map.of("threshold", 2, "for", "1h", "severity", "info"),
                "channelState.console.stuckAfter", "3H")));

        Rule lag = alert(rule, "OnboardingConsumerLag");
        assertThat(lag.getExpr().getStrVal().strip()).endsWith("> 50");
        assertThat(lag.getFor()).isEqualTo("3m");
        assertThat(lag.getLabels()).containsEntry("severity", "critical");
        Rule stuck = alert(rule, "OnboardingStuckBeforeKey");
        assertThat(stuck.getExpr().getStrVal().strip()).endsWith("> 2");
        assertThat(stuck.getFor()).isEqualTo("1h");
        assertThat(stuck.getAnnotations().get("description")).contains("for longer than 3H");
    }

    @Test
    void theDashboardIsValidJsonForGrafanasSidecarWithAPanelPerSignal() throws IOException {
        ConfigMap dashboard = Chart.render(Chart.values("all-features")).named(ConfigMap.class, "onb-onboarding-dashboard");
        JsonNode json = new ObjectMapper().readTree(dashboard.getData().get("onboarding.json"));

        assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1")
                .containsEntry("dashboards", "platform");
        assertThat(dashboard.getMetadata().getAnnotations()).containsEntry("grafana_folder", "Onboarding");
        assertThat(json.get("uid").asText()).isEqualTo("onboarding");
        assertThat(json.get("panels")).allSatisfy(panel -> {
            assertThat(panel.get("title").asText()).isNotBlank();
            assertThat(panel.get("targets")).isNotEmpty();
        });
        String panelExpressions = json.get("panels").findValuesAsText("expr").toString();
        assertThat(panelExpressions).contains("webhooks_accepted_total", "status=~\"2..\"");
        assertThat(metrics(panelExpressions)).as("every signal of the alerts has a panel")
                .containsAll(metrics(alerts(rules(Chart.values("all-features"))).stream()
                        .map(r -> r.getExpr().getStrVal()).collect(Collectors.joining("\n"))));
    }

    @Test
    void theAlertsAndTheDashboardUseMetersTheServicesRegister() throws IOException {
        String expressions = alerts(rules(Chart.values("all-features"))).stream().map(r -> r.getExpr().getStrVal())
                .collect(Collectors.joining("\n"))
                + Files.readString(Chart.DIR.resolve("dashboards").resolve("onboarding.json"));
        String sources = mainSources();

        Set<String> own = new TreeSet<>();
        OWN_METER.matcher(expressions).results().map(m -> m.group()).forEach(own::add);
        assertThat(own).contains("webhooks_rejected_total", "outbox_backlog", "onboarding_redirects_accepted_total",
                "keys_claims_waited_total", "onboarding_channels_stuck", "keys_claims_failed");
        assertThat(own).allSatisfy(meter -> assertThat(sources)
                .as("a Micrometer meter named %s (Prometheus: %s) in the services' code", micrometerName(meter), meter)
                .contains('"' + micrometerName(meter) + '"'));
    }

    private static PrometheusRule rules(Path... values) {
        return Chart.render(values).all(PrometheusRule.class).getFirst();
    }

    private static List<Rule> alerts(PrometheusRule rule) {
        return rule.getSpec().getGroups().stream().flatMap(g -> g.getRules().stream()).toList();
    }

    private static Rule alert(PrometheusRule rule, String name) {
        return alerts(rule).stream().filter(r -> name.equals(r.getAlert())).findFirst().orElseThrow();
    }

    /** The metric names in PromQL: identifiers followed by a selector, a range or the end of an aggregation. */
    private static Set<String> metrics(String promql) {
        Matcher names = Pattern.compile("([a-z][a-z0-9_]*_[a-z0-9_]+)\\s*[{\\[)]").matcher(promql);
        return names.results().map(m -> m.group(1)).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Micrometer's Prometheus naming backwards: dots became underscores and counters gained _total. */
    private static String micrometerName(String prometheusName) {
        return prometheusName.replaceFirst("_total$", "").replace('_', '.');
    }

    /** GitHub's anchor of a Markdown heading. */
    private static String anchor(String heading) {
        return heading.replaceFirst("^#+\\s*", "").toLowerCase().replaceAll("[^a-z0-9 -]", "").replace(' ', '-');
    }

    private static String mainSources() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of(".."))) {
            return files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/")
                            && !f.toString().contains("/target/"))
                    .map(MonitoringTest::read).collect(Collectors.joining("\n"));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
