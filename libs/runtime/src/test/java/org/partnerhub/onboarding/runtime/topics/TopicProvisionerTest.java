package org.partnerhub.onboarding.runtime.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.testkit.TestInfrastructure;

class TopicProvisionerTest {

    private final String bootstrap = TestInfrastructure.kafka().bootstrapServers();

    @Test
    void createsMissingTopicsWithTheCatalogueSettingsAndLeavesExistingOnesAlone() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic("channel.events", 1, (short) 1))).all().get();
            // A created topic reaches every broker's metadata a moment after the controller acknowledged it.
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> admin.listTopics().names().get().contains("channel.events"));

            TopicProvisioner provisioner = provisioner(List.of("channel.state", "channel.events", "hub.webhooks.dlq"));
            Set<String> created = provisioner.ensure(provisioner.config.writes().stream().map(TopicSpec::of).toList());

            assertThat(created).containsExactlyInAnyOrder("channel.state", "hub.webhooks.dlq");
            var descriptions = admin.describeTopics(List.of("channel.state", "channel.events")).allTopicNames().get();
            assertThat(descriptions.get("channel.state").partitions()).hasSize(TopicSpec.of("channel.state").partitions());
            assertThat(descriptions.get("channel.events").partitions()).hasSize(1);
            ConfigResource state = new ConfigResource(ConfigResource.Type.TOPIC, "channel.state");
            Config config = admin.describeConfigs(List.of(state)).all().get().get(state);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");

            assertThat(provisioner.ensure(List.of(TopicSpec.of("channel.state")))).isEmpty();
        }
    }

    @Test
    void setsTheConfiguredMinInsyncReplicasOnCreatedTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            TopicProvisioner provisioner = provisioner(List.of("channel.api-keys"), 1);
            provisioner.ensure(List.of(TopicSpec.of("channel.api-keys")));

            ConfigResource keys = new ConfigResource(ConfigResource.Type.TOPIC, "channel.api-keys");
            Config config = admin.describeConfigs(List.of(keys)).all().get().get(keys);
            assertThat(config.get("min.insync.replicas").value()).isEqualTo("1");
            assertThat(config.get("min.insync.replicas").source())
                    .isEqualTo(org.apache.kafka.clients.admin.ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
        }
    }

    @Test
    void refusesAFloorTheBrokersDefaultReplicationCannotMeet() {
        // The test broker is alone, so its default replication factor is 1: a floor of 2 would fail every write.
        TopicProvisioner provisioner = provisioner(List.of("onboarding.permissions.dlq"), 2);

        assertThatThrownBy(() -> provisioner.ensure(List.of(TopicSpec.of("onboarding.permissions.dlq"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("min-insync-replicas=2");
    }

    private TopicProvisioner provisioner(List<String> writes) {
        return provisioner(writes, MinInsyncReplicas.DERIVED);
    }

    private TopicProvisioner provisioner(List<String> writes, int minInsyncReplicas) {
        TopicProvisioner provisioner = new TopicProvisioner();
        provisioner.kafkaConfig = Map.of("bootstrap.servers", bootstrap, "not.an.admin.setting", "ignored");
        provisioner.config = new TopicsConfig() {
            @Override
            public boolean create() {
                return true;
            }

            @Override
            public List<String> writes() {
                return writes;
            }

            @Override
            public short replicationFactor() {
                return -1;
            }

            @Override
            public int minInsyncReplicas() {
                return minInsyncReplicas;
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(30);
            }
        };
        return provisioner;
    }
}
