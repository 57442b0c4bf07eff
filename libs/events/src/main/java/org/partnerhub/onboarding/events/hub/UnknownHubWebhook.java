package org.partnerhub.onboarding.events.hub;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.partnerhub.onboarding.events.EventType;

/**
 * A webhook this library does not know, passed on rather than rejected: 360dialog adds event types without notice.
 *
 * @param event the original event name; absent if the envelope had none
 */
public record UnknownHubWebhook(
        String hubId, String id, String event, Instant receivedAt, JsonNode data, String rawBody)
        implements HubWebhook {

    /** {@code com.360dialog.partner.<event>}, like the known ones, so a consumer can select a new event by name. */
    @Override
    public String type() {
        return event == null ? EventType.HUB_UNKNOWN.ceType() : TYPE_PREFIX + event;
    }
}
