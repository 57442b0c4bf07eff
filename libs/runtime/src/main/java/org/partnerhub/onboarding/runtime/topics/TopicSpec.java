package org.partnerhub.onboarding.runtime.topics;

import java.util.Arrays;
import java.util.Map;

import org.partnerhub.onboarding.events.Topic;

/** A topic to create: a catalogue topic or the dead-letter topic of one, with its partitions and settings. */
public record TopicSpec(String name, int partitions, Map<String, String> configs) {

    /** Looks a name up in the catalogue of {@code libs/events}; a name it does not know is a start-up error. */
    public static TopicSpec of(String name) {
        for (Topic topic : Topic.values()) {
            if (topic.defaultName().equals(name)) {
                return new TopicSpec(name, topic.partitions(), topic.configs());
            }
            if (Topic.deadLetterTopic(topic.defaultName()).equals(name)) {
                return new TopicSpec(name, topic.partitions(), Topic.DEAD_LETTER_CONFIGS);
            }
        }
        throw new IllegalArgumentException("onboarding.topics.writes names '" + name
                + "', which is neither a catalogue topic nor its .dlq: "
                + Arrays.stream(Topic.values()).map(Topic::defaultName).toList());
    }
}
