package org.partnerhub.onboarding.state.fold;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of the projection a batch of facts touches, held in memory while the batch is folded: the channels and
 * clients the facts name, the channels of those clients, the clients of those channels, every permission fact kept for
 * those channels, and which of the batch's event ids were applied before.
 */
public final class Projection {

    private final Map<String, ChannelState> channels = new HashMap<>();
    private final Map<String, Set<String>> channelsByClient = new HashMap<>();
    private final Map<String, ClientState> clients = new HashMap<>();
    private final Set<String> appliedIds = new HashSet<>();
    private final Map<String, List<Fact.PermissionChanged>> permissionFacts = new HashMap<>();

    public void put(ChannelState channel) {
        ChannelState previous = channels.put(channel.channelId(), channel);
        if (previous != null && previous.clientId() != null && !previous.clientId().equals(channel.clientId())) {
            channelsByClient.get(previous.clientId()).remove(channel.channelId());
        }
        if (channel.clientId() != null) {
            channelsByClient.computeIfAbsent(channel.clientId(), id -> new LinkedHashSet<>()).add(channel.channelId());
        }
    }

    public void put(ClientState client) {
        clients.put(client.clientId(), client);
    }

    /** Keeps a permission fact with its channel, whether it counts or not: its verdict can change later. */
    public void put(Fact.PermissionChanged fact) {
        permissionFacts.computeIfAbsent(fact.channelId(), id -> new ArrayList<>()).add(fact);
    }

    public void markApplied(String eventId) {
        appliedIds.add(eventId);
    }

    /** Records the id and says whether it was new. */
    boolean apply(String eventId) {
        return appliedIds.add(eventId);
    }

    public ChannelState channel(String channelId) {
        return channels.get(channelId);
    }

    public ClientState client(String clientId) {
        return clients.get(clientId);
    }

    List<Fact.PermissionChanged> permissionFacts(String channelId) {
        return permissionFacts.getOrDefault(channelId, List.of());
    }

    List<ChannelState> channelsOfClient(String clientId) {
        return channelsByClient.getOrDefault(clientId, Set.of()).stream().map(channels::get).toList();
    }
}
