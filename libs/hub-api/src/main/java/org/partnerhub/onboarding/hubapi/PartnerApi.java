package org.partnerhub.onboarding.hubapi;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.partnerhub.onboarding.runtime.hubs.HubsConfig;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * Entry point to the 360dialog Partner API: one {@link HubClient} per configured hub, built on first use with the
 * hub's credentials ({@code onboarding.hubs.<id>.api-key}, else {@code .username}/{@code .password}).
 *
 * <pre>{@code
 * partnerApi.hub("main").channel(channelId)                                   // one channel
 * partnerApi.hub("main").channels(ListQuery.all().where("status", "running")) // a page of channels
 * }</pre>
 */
@ApplicationScoped
public class PartnerApi {

    private final Map<String, HubClient> clients = new ConcurrentHashMap<>();

    @Inject
    HubsConfig hubs;

    @Inject
    HubApiConfig config;

    @Inject
    ObjectMapper mapper;

    /**
     * @throws IllegalArgumentException if the hub is not configured or has no Partner API credentials
     */
    public HubClient hub(String hubId) {
        return clients.computeIfAbsent(hubId, this::create);
    }

    private HubClient create(String hubId) {
        HubsConfig.Hub hub = hubs.hub(hubId).orElseThrow(() -> new IllegalArgumentException(
                "hub " + hubId + " is not configured (onboarding.hubs." + hubId + ".*)"));
        PartnerApiResource anonymous = resource(null);
        HubCredentials credentials = credentials(hubId, hub, anonymous);
        return new HubClient(hubId, hub.partnerId(), resource(credentials), credentials,
                new CallLimiter(config.maxConcurrency()), config.timeout(), config.timeoutCeiling(),
                new HubApiErrors(mapper, Clock.systemUTC()), mapper);
    }

    private static HubCredentials credentials(String hubId, HubsConfig.Hub hub, PartnerApiResource anonymous) {
        if (hub.apiKey().filter(key -> !key.isBlank()).isPresent()) {
            return new PartnerApiKey(hub.apiKey().get());
        }
        if (hub.username().isPresent() && hub.password().isPresent()) {
            return new LoginToken(anonymous::token, hub.username().get(), hub.password().get(), Clock.systemUTC());
        }
        throw new IllegalArgumentException("hub " + hubId + " has no Partner API credentials: set onboarding.hubs."
                + hubId + ".api-key, or .username and .password");
    }

    private PartnerApiResource resource(HubCredentials credentials) {
        // Each call is bounded by its own deadline (HubClient); the client's read timeout only stops the longest.
        QuarkusRestClientBuilder builder = QuarkusRestClientBuilder.newBuilder()
                .baseUri(config.url())
                .connectTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(Math.max(config.timeout().toMillis(), config.timeoutCeiling().toMillis()),
                        TimeUnit.MILLISECONDS)
                .register(new HttpAnswer.Mapper());
        if (credentials != null) {
            builder.register(new CredentialsFilter(credentials));
        }
        return builder.build(PartnerApiResource.class);
    }
}
