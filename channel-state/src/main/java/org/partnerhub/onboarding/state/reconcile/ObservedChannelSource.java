package org.partnerhub.onboarding.state.reconcile;

import java.util.Optional;
import java.util.Set;

import org.partnerhub.onboarding.events.hub.HubChannel;

/**
 * 360dialog's current view of a channel, as the Partner API gives it ({@code GET /partners/{partner_id}/channels/
 * {channel_id}}), and of a client's shared numbers. {@link PartnerApiChannelSource} implements this; the reconciler
 * and the permission poller need nothing else from it.
 */
public interface ObservedChannelSource {

    /**
     * The hubs this source can ask about now; channels of other hubs are not looked up. Logs each configured hub it
     * cannot ask, and why, once per call.
     */
    Set<String> answeringHubs();

    /**
     * Called from a worker thread, one channel at a time; may block.
     *
     * @return the channel object (status, account mode, phone number, ...), or empty if 360dialog does not know it
     * @throws RuntimeException when the Partner API cannot answer now; the reconciler tries again next run
     */
    Optional<HubChannel> channel(String hubId, String channelId);

    /**
     * Called from a worker thread, one client at a time; may block.
     *
     * @return the ids of the client's channels whose API-key permission the client shares with the partner now, or
     *     empty if 360dialog does not know the client
     * @throws RuntimeException when the Partner API cannot answer now, or its answer cannot be read whole
     */
    Optional<Set<String>> sharedChannels(String hubId, String clientId);
}
