package org.partnerhub.onboarding.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class LocalInfrastructureOptionsTest {

    @Test
    void defaultsAreTheUsualPorts() {
        var options = LocalInfrastructure.Options.parse(new String[0]);
        assertThat(options.kafkaPort()).isEqualTo(9092);
        assertThat(options.postgresPort()).isEqualTo(5432);
        assertThat(options.dataDir()).isNull();
        assertThat(options.controlPort()).as("no control port unless asked for").isNegative();
    }

    @Test
    void everyOptionIsRead() {
        var options = LocalInfrastructure.Options.parse(new String[] {"--kafka-port", "19092", "--postgres-port", "0",
                "--data-dir", "/tmp/x", "--database", "channel_state", "--database", "key_provisioner",
                "--control-port", "0"});
        assertThat(options.kafkaPort()).isEqualTo(19092);
        assertThat(options.postgresPort()).isZero();
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(options.databases()).isEqualTo(List.of("channel_state", "key_provisioner"));
        assertThat(options.controlPort()).isZero();
    }

    @Test
    void mistakesAreExplained() {
        assertThatThrownBy(() -> LocalInfrastructure.Options.parse(new String[] {"--kafka-port", "99999"}))
                .hasMessageContaining("not a port: 99999");
        assertThatThrownBy(() -> LocalInfrastructure.Options.parse(new String[] {"--kafka-port"}))
                .hasMessageContaining("missing value for --kafka-port");
        assertThatThrownBy(() -> LocalInfrastructure.Options.parse(new String[] {"--zookeeper", "x"}))
                .hasMessageContaining("unknown option --zookeeper");
    }
}
