package org.partnerhub.onboarding.keys;

import java.util.List;
import java.util.stream.IntStream;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A test that drives the service through {@code channel.events} and watches {@code channel.api-keys}. */
abstract class ChannelEventsTest {

    static ChannelEventsProducer events;
    static ApiKeyEventsReader apiKeyEvents;

    @BeforeAll
    static void connect() {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        events = new ChannelEventsProducer(bootstrap);
        apiKeyEvents = new ApiKeyEventsReader(bootstrap);
    }

    /** Channel ids {@code <prefix>-0} to {@code <prefix>-<count - 1>}. */
    static List<String> channels(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
    }

    @AfterAll
    static void disconnect() {
        events.close();
        apiKeyEvents.close();
    }
}
