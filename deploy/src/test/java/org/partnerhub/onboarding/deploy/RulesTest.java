package org.partnerhub.onboarding.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;

/**
 * The PrometheusRule's groups, as rendered with the default thresholds, pass {@code promtool check rules} and the
 * unit tests of src/test/resources/promtool (each alert fires above its threshold and not below). promtool comes
 * with Debian's prometheus package, which CI (.ci/run) installs.
 */
class RulesTest {

    private static final Path UNIT_TESTS = Path.of("src", "test", "resources", "promtool", "alerts-test.yaml");

    @TempDir
    static Path dir;

    @BeforeAll
    static void renderRules() throws IOException {
        assumeTrue(promtoolOnPath(), "promtool is not on the PATH: install Debian's prometheus package "
                + "(apt-get install prometheus) to check and test the alerts; CI installs it");
        PrometheusRule rule = Chart.render(Chart.values("minimal"),
                Chart.valuesFile(Map.of("metrics.prometheusRule.enabled", true))).all(PrometheusRule.class).getFirst();
        Files.writeString(dir.resolve("rules.yaml"), new KubernetesSerialization().asYaml(rule.getSpec()));
        Files.copy(UNIT_TESTS, dir.resolve(UNIT_TESTS.getFileName()));
    }

    @Test
    void theRulesAreValid() throws Exception {
        Result check = promtool("check", "rules", "rules.yaml");
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: 7 rules found");
    }

    @Test
    void eachAlertFiresAboveItsThresholdAndNotBelow() throws Exception {
        Result test = promtool("test", "rules", UNIT_TESTS.getFileName().toString());
        assertThat(test.exitCode()).as(test.output()).isZero();
        assertThat(test.output()).contains("SUCCESS");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result promtool(String... args) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Stream.concat(Stream.of("promtool"), Stream.of(args)).toList())
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("promtool finished").isTrue();
        return new Result(process.exitValue(), output);
    }

    private static boolean promtoolOnPath() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, "promtool")));
    }
}
