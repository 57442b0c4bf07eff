package org.partnerhub.onboarding.keys.messaging;

import java.time.Instant;

import org.partnerhub.onboarding.events.CloudEventHeaders;
import org.partnerhub.onboarding.events.CloudEventMetadata;
import org.partnerhub.onboarding.events.Event;
import org.partnerhub.onboarding.events.EventCodec;
import org.partnerhub.onboarding.events.lifecycle.ChannelRunning;
import org.partnerhub.onboarding.events.state.ApiKeyState;
import org.partnerhub.onboarding.events.state.ApiKeyStatus;
import org.partnerhub.onboarding.events.state.ChannelSnapshot;
import org.partnerhub.onboarding.events.state.ChannelStage;
import org.partnerhub.onboarding.events.state.PermissionState;
import org.partnerhub.onboarding.events.state.PermissionStatus;

/** The codec both consumers decode with, so that warming it up at start-up warms what the first record needs. */
public final class Decoding {

    static final EventCodec CODEC = new EventCodec();

    private Decoding() {
    }

    /** Encodes and decodes a made-up running channel's event and snapshot, headers included. */
    public static void warmUp() {
        Instant now = Instant.now();
        ChannelSnapshot snapshot = new ChannelSnapshot("warm-up", "warm-up", "warm-up", "warm-up", "+0", "running",
                ChannelStage.RUNNING, "live", new PermissionStatus(PermissionState.GRANTED, "partner-payment"),
                new ApiKeyStatus(ApiKeyState.NONE, null), 1, now, now, now);
        ChannelRunning running = new ChannelRunning("warm-up", "warm-up", 1, now, snapshot);
        for (Event event : new Event[] {running, snapshot}) {
            CODEC.decode(CloudEventMetadata.from(CloudEventHeaders.asKafkaHeaders(event, "/warm-up")),
                    CODEC.encode(event));
        }
    }
}
