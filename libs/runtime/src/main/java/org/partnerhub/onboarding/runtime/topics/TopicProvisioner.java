package org.partnerhub.onboarding.runtime.topics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Makes sure the topics a service writes exist, with the catalogue's partitions and settings, before it
 * serves. Existing topics are left exactly as they are: changing partitions or retention is an operator's call.
 */
@Singleton
public class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    @Inject
    TopicsConfig config;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    void onStart(@Observes StartupEvent event) {
        if (!config.create()) {
            LOG.info("Topic creation is off (onboarding.topics.create=false): the topics must exist already");
            return;
        }
        List<TopicSpec> wanted = config.writes().stream().map(TopicSpec::of).toList();
        try {
            Set<String> created = ensure(wanted);
            LOG.infof("Topics ready: %s (created now: %s)", wanted.stream().map(TopicSpec::name).toList(),
                    created.isEmpty() ? "none" : created);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.errorf("Could not make sure topics %s exist: %s. The service stays unready until Kafka is reachable.",
                    config.writes(), e.getMessage());
        }
    }

    Set<String> ensure(List<TopicSpec> wanted) throws InterruptedException, ExecutionException, TimeoutException {
        long timeoutMs = config.timeout().toMillis();
        try (Admin admin = Admin.create(adminConfig(timeoutMs))) {
            Set<String> existing = admin.listTopics().names().get(timeoutMs, TimeUnit.MILLISECONDS);
            List<NewTopic> missing = wanted.stream()
                    .filter(t -> !existing.contains(t.name()))
                    .map(t -> new NewTopic(t.name(), Optional.of(t.partitions()), replication())
                            .configs(t.configs()))
                    .toList();
            if (missing.isEmpty()) {
                return Set.of();
            }
            OptionalInt minInsync = MinInsyncReplicas.of(config.minInsyncReplicas(), replicationFactor(admin, timeoutMs));
            minInsync.ifPresent(floor -> missing.forEach(topic -> topic.configs(withMinInsync(topic, floor))));
            admin.createTopics(missing).values().forEach((name, future) -> {
                try {
                    future.get(timeoutMs, TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    // Another replica of this service may have created it a moment ago.
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                        throw new IllegalStateException("creating " + name + " failed: " + e.getCause().getMessage(), e);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while creating " + name, e);
                } catch (TimeoutException e) {
                    throw new IllegalStateException("creating " + name + " timed out", e);
                }
            });
            return missing.stream().map(NewTopic::name).collect(java.util.stream.Collectors.toSet());
        }
    }

    private static Map<String, String> withMinInsync(NewTopic topic, int floor) {
        Map<String, String> configs = new HashMap<>(topic.configs() == null ? Map.of() : topic.configs());
        configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(floor));
        return configs;
    }

    /** The replication factor created topics get: the configured one, else what the cluster defaults to. */
    private int replicationFactor(Admin admin, long timeoutMs)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (config.replicationFactor() > 0) {
            return config.replicationFactor();
        }
        String broker = admin.describeCluster().controller().get(timeoutMs, TimeUnit.MILLISECONDS).idString();
        ConfigResource resource = new ConfigResource(ConfigResource.Type.BROKER, broker);
        Config brokerConfig = admin.describeConfigs(List.of(resource)).all().get(timeoutMs, TimeUnit.MILLISECONDS)
                .get(resource);
        ConfigEntry entry = brokerConfig.get("default.replication.factor");
        return entry == null || entry.value() == null ? 1 : Integer.parseInt(entry.value());
    }

    private Optional<Short> replication() {
        return config.replicationFactor() > 0 ? Optional.of(config.replicationFactor()) : Optional.empty();
    }

    private Map<String, Object> adminConfig(long timeoutMs) {
        Map<String, Object> admin = new java.util.HashMap<>();
        // Quarkus exposes every kafka.* property (security, SASL, TLS) under this identifier.
        kafkaConfig.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                admin.put(key, value);
            }
        });
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeoutMs, Integer.MAX_VALUE));
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Math.min(timeoutMs, Integer.MAX_VALUE));
        admin.put(AdminClientConfig.CLIENT_ID_CONFIG, "topic-provisioner");
        return admin;
    }
}
