package org.partnerhub.onboarding.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Everything the sandbox knows, in memory and bounded: clients, channels, API keys and what partners set through
 * the Partner API. One lock: the sandbox serves a handful of test clients, not production traffic.
 */
@ApplicationScoped
public class SandboxStore {

    private final Map<String, Client> clients = new LinkedHashMap<>();
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final Map<String, List<ApiKey>> keys = new HashMap<>();
    private final Map<String, Integer> keyCreations = new LinkedHashMap<>();
    private final Map<String, PartnerSettings> settings = new HashMap<>();
    private final Clock clock = Clock.systemUTC();

    @Inject
    SandboxConfig config;

    SandboxConfig.Partner partner(String partnerId) {
        return config.partner(partnerId).orElseThrow(() -> new ApiProblem(404, "partner " + partnerId
                + " not found"));
    }

    synchronized Client createClient(String partnerId, String name, String email, String partnerPayload) {
        if (clients.size() >= config.limits().clients()) {
            throw new SandboxFull("clients", config.limits().clients());
        }
        Client client = new Client(Ids.client(), partnerId, name, email, partnerPayload, now());
        clients.put(client.id(), client);
        return client;
    }

    synchronized Optional<Client> clientByEmail(String partnerId, String email) {
        return clients.values().stream()
                .filter(c -> c.partnerId().equals(partnerId) && c.email().equalsIgnoreCase(email)).findFirst();
    }

    synchronized Optional<Client> client(String clientId) {
        return Optional.ofNullable(clients.get(clientId));
    }

    synchronized List<Client> clients(String partnerId) {
        return clients.values().stream().filter(c -> partnerId == null || c.partnerId().equals(partnerId)).toList();
    }

    /** The client's channel for this number; a new one, in stage {@code created}, if the client has none yet. */
    synchronized Connected connect(Client client, String phoneNumber) {
        Optional<Channel> known = channels.values().stream()
                .filter(c -> c.clientId().equals(client.id()) && c.phoneNumber().equals(phoneNumber)).findFirst();
        if (known.isPresent()) {
            return new Connected(known.get(), false);
        }
        if (channels.size() >= config.limits().channels()) {
            throw new SandboxFull("channels", config.limits().channels());
        }
        Instant now = now();
        Channel channel = new Channel(Ids.channel(), client.partnerId(), client.id(), phoneNumber,
                Ids.numeric(15), Ids.numeric(6), Stage.CREATED, false, now, now, null);
        channels.put(channel.id(), channel);
        return new Connected(channel, true);
    }

    synchronized Optional<Channel> channel(String channelId) {
        return Optional.ofNullable(channels.get(channelId));
    }

    /** The partner's channel, or the Partner API's 404. */
    synchronized Channel channel(String partnerId, String channelId) {
        Channel channel = channels.get(channelId);
        if (channel == null || !channel.partnerId().equals(partnerId)) {
            throw new ApiProblem(404, "channel " + channelId + " not found");
        }
        return channel;
    }

    synchronized List<Channel> channels(String partnerId) {
        return channels.values().stream().filter(c -> partnerId == null || c.partnerId().equals(partnerId)).toList();
    }

    synchronized List<Channel> channelsOf(String clientId) {
        return channels.values().stream().filter(c -> c.clientId().equals(clientId)).toList();
    }

    /** Empty when the channel is gone (a reset), which ends its lifecycle. */
    synchronized Optional<Channel> advance(String channelId, Stage stage) {
        return Optional.ofNullable(channels.computeIfPresent(channelId, (id, c) -> c.at(stage, now())));
    }

    synchronized Channel permit(String channelId, boolean permitted) {
        return channels.computeIfPresent(channelId, (id, c) -> c.permitted(permitted, now()));
    }

    /**
     * Creates a key when the channel is running (or live) and the partner may create keys for it, revoking the
     * channel's earlier keys as 360dialog does.
     */
    synchronized ApiKey createKey(String partnerId, String channelId) {
        Channel channel = channel(partnerId, channelId);
        if (!channel.stage().acceptsApiKeys()) {
            throw new ApiProblem(400, "channel " + channelId + " is not running (status: " + channel.stage().status()
                    + ")");
        }
        if (!channel.allowsApiKeys(partner(partnerId).paymentMode())) {
            throw new ApiProblem(403, "the partner has no permission to create API keys for channel " + channelId);
        }
        ApiKey key = new ApiKey(Ids.numeric(6), channelId, Ids.secret("sandbox-key-NOT-A-REAL-SECRET-"),
                config.messagingAddress(), channel.appId(), now());
        keys.put(channelId, new ArrayList<>(List.of(key)));
        keyCreations.merge(channelId, 1, Integer::sum);
        return key;
    }

    synchronized List<ApiKey> keys(String partnerId, String channelId) {
        channel(partnerId, channelId);
        return List.copyOf(keys.getOrDefault(channelId, List.of()));
    }

    synchronized void deleteKey(String partnerId, String channelId, String keyId) {
        channel(partnerId, channelId);
        List<ApiKey> channelKeys = keys.getOrDefault(channelId, new ArrayList<>());
        if (!channelKeys.removeIf(key -> key.id().equals(keyId))) {
            throw new ApiProblem(404, "API key " + keyId + " not found");
        }
    }

    synchronized Map<String, List<ApiKey>> allKeys() {
        Map<String, List<ApiKey>> copy = new LinkedHashMap<>();
        keys.forEach((channel, list) -> copy.put(channel, List.copyOf(list)));
        return copy;
    }

    synchronized Map<String, Integer> keyCreations() {
        return Map.copyOf(keyCreations);
    }

    synchronized PartnerSettings settings(String partnerId) {
        return settings.computeIfAbsent(partnerId, id -> {
            SandboxConfig.Partner partner = partner(id);
            return new PartnerSettings(partner.webhookUrl().orElse(null), Map.of(),
                    partner.redirectUrl().orElse(null));
        });
    }

    synchronized PartnerSettings updateSettings(String partnerId, UnaryOperator<PartnerSettings> change) {
        PartnerSettings updated = change.apply(settings(partnerId));
        settings.put(partnerId, updated);
        return updated;
    }

    /** Forgets every client, channel, key and setting, so that a test run starts from configuration again. */
    synchronized void reset() {
        clients.clear();
        channels.clear();
        keys.clear();
        keyCreations.clear();
        settings.clear();
    }

    record Connected(Channel channel, boolean isNew) {
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
