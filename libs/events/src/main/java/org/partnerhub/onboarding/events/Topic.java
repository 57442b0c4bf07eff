package org.partnerhub.onboarding.events;

import java.time.Duration;
import java.util.Map;

/** The topics of the published language with their default names; deployments may rename them. */
public enum Topic {

    ONBOARDING_PERMISSIONS("onboarding.permissions", "channel id; client id for client.linked", Configs.FACTS),
    HUB_WEBHOOKS("hub.webhooks", "channel id; client id for client events; else the envelope id", Configs.FACTS),
    CHANNEL_STATE("channel.state", "channel id", Configs.LATEST_PER_KEY),
    CHANNEL_EVENTS("channel.events", "channel id; client id for client.created", Configs.FACTS),
    CHANNEL_API_KEYS("channel.api-keys", "channel id", Configs.FACTS);

    public static final int DEFAULT_PARTITIONS = 6;

    /** Long enough to inspect and replay a poison record, short enough not to hoard it. */
    public static final Map<String, String> DEAD_LETTER_CONFIGS = Map.of(
            "cleanup.policy", "delete",
            "retention.ms", Long.toString(Duration.ofDays(30).toMillis()));

    private final String defaultName;
    private final String key;
    private final Map<String, String> configs;

    Topic(String defaultName, String key, Map<String, String> configs) {
        this.defaultName = defaultName;
        this.key = key;
        this.configs = configs;
    }

    public String defaultName() {
        return defaultName;
    }

    /** What the record key is, in words. */
    public String key() {
        return key;
    }

    public int partitions() {
        return DEFAULT_PARTITIONS;
    }

    public Map<String, String> configs() {
        return configs;
    }

    /** The dead-letter topic of a topic, by its configured name. */
    public static String deadLetterTopic(String topicName) {
        return topicName + ".dlq";
    }

    private static final class Configs {
        // Kept forever: channel-state rebuilds its projection by replaying these topics from the start.
        static final Map<String, String> FACTS = Map.of("cleanup.policy", "delete", "retention.ms", "-1");
        static final Map<String, String> LATEST_PER_KEY = Map.of("cleanup.policy", "compact");
    }
}
