package org.partnerhub.onboarding.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
 * Everything the sandbox knows, in memory and bounded: clients, channels, API keys, what partners set through the
 * Partner API and what the messaging API was told. One lock: the sandbox serves a handful of test clients, not
 * production traffic.
 */
@ApplicationScoped
public class SandboxStore {

    private final Map<String, Client> clients = new LinkedHashMap<>();
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final Map<String, List<ApiKey>> keys = new HashMap<>();
    private final Map<String, Integer> keyCreations = new LinkedHashMap<>();
    private final Map<String, PartnerSettings> settings = new HashMap<>();
    private final Map<String, MessagingWebhook> messagingWebhooks = new LinkedHashMap<>();
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
                Ids.numeric(15), Ids.numeric(6), Stage.CREATED, Standing.ACTIVE, false, now, now, null, null);
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
     * The client grants or withdraws the partner's permission in the Client Hub: only a Direct Payment partner's
     * permission is the client's to give, and a cancelled number has none to give. Empty for an unknown channel.
     *
     * @throws StandingChange.NotApplicable for a Partner Payment channel or a cancelled one
     */
    synchronized Optional<Channel> shareInClientHub(String channelId, boolean shared) {
        Channel channel = channels.get(channelId);
        if (channel == null) {
            return Optional.empty();
        }
        if (partner(channel.partnerId()).paymentMode() != PaymentMode.DIRECT) {
            throw new StandingChange.NotApplicable("channel " + channelId + " belongs to a Partner Payment partner, "
                    + "which always has the permission");
        }
        if (channel.standing() == Standing.CANCELLED) {
            throw new StandingChange.NotApplicable("channel " + channelId + " is cancelled");
        }
        return Optional.of(channel.permitted() == shared ? channel : permit(channelId, shared));
    }

    /**
     * The channel after the change; empty for an unknown channel.
     *
     * @throws StandingChange.NotApplicable when the channel cannot take the change now
     */
    synchronized Optional<Channel> change(String channelId, StandingChange change) {
        Channel channel = channels.get(channelId);
        if (channel == null) {
            return Optional.empty();
        }
        Channel changed = change.apply(channel, now());
        channels.put(channelId, changed);
        return Optional.of(changed);
    }

    /** The client's numbers shared with the partner; the Partner API's 404 for a client that is not the partner's. */
    synchronized List<Channel> sharedNumbers(String partnerId, String clientId) {
        Client client = clients.get(clientId);
        if (client == null || !client.partnerId().equals(partnerId)) {
            throw new ApiProblem(404, "client " + clientId + " not found");
        }
        PaymentMode mode = partner(partnerId).paymentMode();
        return channelsOf(clientId).stream().filter(channel -> channel.sharedWith(mode)).toList();
    }

    /**
     * Creates a key when the channel is running (or live, and not cancelled) and the partner may create keys for it,
     * revoking the channel's earlier keys as 360dialog does.
     *
     * @param address the messaging API's base URL handed out with the key
     */
    synchronized ApiKey createKey(String partnerId, String channelId, String address) {
        Channel channel = channel(partnerId, channelId);
        if (!channel.acceptsApiKeys()) {
            throw new ApiProblem(400, "channel " + channelId + " is not running (status: " + channel.status() + ")");
        }
        if (!channel.allowsApiKeys(partner(partnerId).paymentMode())) {
            throw new ApiProblem(403, "the partner has no permission to create API keys for channel " + channelId);
        }
        ApiKey key = new ApiKey(Ids.numeric(6), channelId, Ids.secret("sandbox-key-NOT-A-REAL-SECRET-"),
                address, channel.appId(), now());
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

    /**
     * Sets the messaging webhook of the channel whose current key this is, as the messaging API does.
     *
     * @return empty when the key is no channel's current key, or its channel is cancelled (the API's 401)
     */
    synchronized Optional<MessagingWebhook> setMessagingWebhook(String apiKey, String url) {
        byte[] presented = apiKey.getBytes(StandardCharsets.UTF_8);
        Optional<ApiKey> key = keys.values().stream().flatMap(List::stream)
                .filter(k -> MessageDigest.isEqual(k.apiKey().getBytes(StandardCharsets.UTF_8), presented))
                .findFirst();
        if (key.isEmpty() || !channels.get(key.get().channelId()).acceptsApiKeys()) {
            return Optional.empty();
        }
        String channelId = key.get().channelId();
        MessagingWebhook earlier = messagingWebhooks.get(channelId);
        MessagingWebhook set = new MessagingWebhook(url, key.get().id(), now(),
                earlier == null ? 1 : earlier.sets() + 1);
        messagingWebhooks.put(channelId, set);
        return Optional.of(set);
    }

    synchronized Map<String, MessagingWebhook> messagingWebhooks() {
        return Map.copyOf(messagingWebhooks);
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
        messagingWebhooks.clear();
    }

    record Connected(Channel channel, boolean isNew) {
    }

    /**
     * What a channel's messaging webhook was last set to.
     *
     * @param keyId the key that set it
     * @param sets how often it was set, the last time included
     */
    record MessagingWebhook(String url, String keyId, Instant setAt, int sets) {
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
