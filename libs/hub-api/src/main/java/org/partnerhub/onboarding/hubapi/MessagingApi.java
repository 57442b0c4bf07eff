package org.partnerhub.onboarding.hubapi;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;

/**
 * 360dialog's WhatsApp (messaging) API, reached at the {@code address} that came with a channel's key and
 * authenticated with that key ({@code D360-API-KEY}), not with the Partner API's credentials. Calls are bounded by
 * {@code onboarding.hub-api.timeout} and fail like Partner API calls: {@link TransientHubApiException} or
 * {@link PermanentHubApiException} (a 401 means the key is not the channel's live key). The key is never logged nor
 * put into an exception.
 */
@ApplicationScoped
public class MessagingApi {

    private final Map<URI, MessagingApiResource> clients = new ConcurrentHashMap<>();

    @Inject
    HubApiConfig config;

    @Inject
    ObjectMapper mapper;

    private HubApiErrors errors;

    @PostConstruct
    void init() {
        errors = new HubApiErrors(mapper, Clock.systemUTC());
    }

    /** Points the number's messaging webhook at {@code url}: {@code POST {address}/v1/configs/webhook}. */
    public Uni<Void> setWebhook(String address, String apiKey, String url) {
        String operation = "set messaging webhook";
        return Uni.createFrom().deferred(() -> client(address).setWebhook(apiKey, Map.of("url", url)))
                .ifNoItem().after(config.timeout()).fail()
                .onFailure().transform(failure -> errors.classify(operation, failure))
                .replaceWithVoid();
    }

    private MessagingApiResource client(String address) {
        if (address == null || address.isBlank()) {
            throw new PermanentHubApiException("set messaging webhook: the key came without an address", 0, null);
        }
        URI base = URI.create(address.endsWith("/") ? address.substring(0, address.length() - 1) : address);
        return clients.computeIfAbsent(base, uri -> QuarkusRestClientBuilder.newBuilder()
                .baseUri(uri)
                .connectTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .register(new HttpAnswer.Mapper())
                .build(MessagingApiResource.class));
    }
}
