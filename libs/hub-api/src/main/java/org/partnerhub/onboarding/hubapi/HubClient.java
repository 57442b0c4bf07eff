package org.partnerhub.onboarding.hubapi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.partnerhub.onboarding.events.hub.HubChannel;
import org.partnerhub.onboarding.events.hub.PartnerClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * The Partner API as one hub sees it. Every call is bounded in time, shares the hub's concurrency limit, and fails
 * with a {@link TransientHubApiException} or a {@link PermanentHubApiException}. Obtain one from
 * {@link PartnerApi#hub(String)}.
 */
public final class HubClient {

    /** Items per page when a method walks a whole listing. */
    public static final int LIST_PAGE_SIZE = 100;

    private final String hubId;
    private final String partnerId;
    private final PartnerApiResource api;
    private final HubCredentials credentials;
    private final CallLimiter limiter;
    private final Duration timeout;
    private final Duration timeoutCeiling;
    private final HubApiErrors errors;
    private final ObjectMapper mapper;

    HubClient(String hubId, String partnerId, PartnerApiResource api, HubCredentials credentials, CallLimiter limiter,
            Duration timeout, Duration timeoutCeiling, HubApiErrors errors, ObjectMapper mapper) {
        this.hubId = hubId;
        this.partnerId = partnerId;
        this.api = api;
        this.credentials = credentials;
        this.limiter = limiter;
        this.timeout = timeout;
        this.timeoutCeiling = timeoutCeiling;
        this.errors = errors;
        this.mapper = mapper;
    }

    public String hubId() {
        return hubId;
    }

    /**
     * Creates a key for the channel. 360dialog revokes the channel's earlier keys when it does, so callers must make
     * sure this happens once per channel permission.
     */
    public Uni<ChannelApiKey> createApiKey(String channelId) {
        return call("create API key", () -> api.createApiKey(partnerId, channelId)).map(PartnerApiJson::createdKey);
    }

    /**
     * Creates a key for the channel if the guard admits the call once it holds a slot; the guard also sets the
     * call's bound. Waits at most {@code maxWait} for a slot, then fails transiently without sending anything.
     */
    public Uni<ChannelApiKey> createApiKey(String channelId, Duration maxWait, CallGuard guard) {
        return call("create API key", () -> api.createApiKey(partnerId, channelId), maxWait, guard)
                .map(PartnerApiJson::createdKey);
    }

    /** The channel's keys; whether the secret is included depends on 360dialog ({@link ChannelApiKey#revealsSecret()}). */
    public Uni<List<ChannelApiKey>> apiKeys(String channelId) {
        return call("list API keys", () -> api.listApiKeys(partnerId, channelId)).map(PartnerApiJson::keys);
    }

    public Uni<Void> deleteApiKey(String channelId, String keyId) {
        return call("delete API key", () -> api.deleteApiKey(partnerId, channelId, keyId));
    }

    /** One channel by its id; a channel unknown to 360dialog fails permanently with status 404. */
    public Uni<HubChannel> channel(String channelId) {
        return call("get channel", () -> api.channel(partnerId, channelId)).map(PartnerApiJson::channel);
    }

    /** One page of the partner's channels matching the query's filters (e.g. {@code status}, {@code client_id}). */
    public Uni<Page<HubChannel>> channels(ListQuery query) {
        return call("list channels", () -> api.channels(partnerId, filters(query), query.limit().orElse(null),
                query.offset().orElse(null), query.sort().orElse(null)))
                .map(answer -> PartnerApiJson.page(answer, "partner_channels", PartnerApiJson::channel));
    }

    public Uni<Page<PartnerClient>> clients(ListQuery query) {
        return call("list clients", () -> api.clients(partnerId, filters(query), query.limit().orElse(null),
                query.offset().orElse(null), query.sort().orElse(null)))
                .map(answer -> PartnerApiJson.page(answer, "clients", PartnerApiJson::client));
    }

    /** One client by its id ({@code filters={"id": ...}}); empty when 360dialog lists no such client of ours. */
    public Uni<Optional<PartnerClient>> client(String clientId) {
        return clients(ListQuery.all().where("id", clientId).page(1, 0))
                .map(page -> page.items().stream().filter(client -> client.id().equals(clientId)).findFirst());
    }

    /**
     * Every channel 360dialog lists under the client, page by page ({@code filters={"client_id": ...}}), at most
     * {@code maxPages} pages of {@link #LIST_PAGE_SIZE}: a bounded answer for a caller that waits on it.
     */
    public Uni<List<HubChannel>> channelsOfClient(String clientId, int maxPages) {
        ListQuery query = ListQuery.all().where("client_id", clientId);
        return collect(offset -> channels(query.page(LIST_PAGE_SIZE, offset)), new ArrayList<>(), 0, maxPages);
    }

    private static <T> Uni<List<T>> collect(Function<Integer, Uni<Page<T>>> pageAt, List<T> collected, int offset,
            int pagesLeft) {
        return pageAt.apply(offset).chain(page -> {
            collected.addAll(page.items());
            boolean more = page.hasMore() && !page.items().isEmpty() && pagesLeft > 1;
            return more
                    ? collect(pageAt, collected, page.offset() + page.items().size(), pagesLeft - 1)
                    : Uni.createFrom().item(List.copyOf(collected));
        });
    }

    /**
     * The client's numbers whose API-key permission is shared with the partner now. A client unknown to 360dialog
     * fails permanently with status 404; an answer that cannot be read whole fails permanently too, never as fewer
     * numbers, because a number missing from the list reads as a withdrawn permission.
     */
    public Uni<List<SharedNumber>> sharedNumbers(String clientId) {
        return call("list shared numbers", () -> api.sharedClientNumbers(partnerId, clientId))
                .map(PartnerApiJson::sharedNumbers);
    }

    /** The partner's webhook URL and redirect URL as 360dialog has them. */
    public Uni<PartnerSettings> settings() {
        return call("get webhook URL", () -> api.webhookUrl(partnerId)).map(PartnerApiJson::webhookUrl)
                .chain(webhookUrl -> call("get partner", () -> api.partner(partnerId))
                        .map(partner -> new PartnerSettings(webhookUrl, PartnerApiJson.redirectUrl(partner))));
    }

    public Uni<Void> setWebhookUrl(String url) {
        return setWebhookUrl(url, Optional.empty());
    }

    /** Sets the URL and, when given, the static header 360dialog is to send with each webhook (the value is secret). */
    public Uni<Void> setWebhookUrl(String url, Optional<WebhookHeader> header) {
        return call("set webhook URL", () -> api.setWebhookUrl(partnerId, PartnerApiJson.webhookRegistration(url,
                header))).replaceWithVoid();
    }

    public Uni<Void> setRedirectUrl(String url) {
        return call("set redirect URL", () -> api.updatePartner(partnerId, Map.of("partner_redirect_url", url)))
                .replaceWithVoid();
    }

    /** Unguarded calls wait for a slot as long as the longest call may take. */
    private <T> Uni<T> call(String operation, Supplier<Uni<T>> request) {
        return call(operation, request, timeoutCeiling, () -> Uni.createFrom().item(timeout));
    }

    private <T> Uni<T> call(String operation, Supplier<Uni<T>> request, Duration maxWait, CallGuard guard) {
        return limiter.submit(() -> authenticated(request, guard)
                .onFailure(HttpAnswer.class::isInstance).recoverWithUni(failure -> unauthorized(failure)
                        ? credentials.renew().chain(() -> authenticated(request, guard))
                        : Uni.createFrom().failure(failure)), maxWait)
                .onFailure(failure -> !(failure instanceof CallRefused))
                .transform(failure -> errors.classify(operation, failure));
    }

    /** A login is bounded like any call; the guard sees its time pass before it admits the request. */
    private <T> Uni<T> authenticated(Supplier<Uni<T>> request, CallGuard guard) {
        return credentials.ready().ifNoItem().after(timeout).fail().chain(guard::admit).chain(bound -> request.get()
                .ifNoItem().after(bound.compareTo(timeoutCeiling) > 0 ? timeoutCeiling : bound).fail());
    }

    private static boolean unauthorized(Throwable failure) {
        return failure instanceof HttpAnswer answer && answer.status == 401;
    }

    private String filters(ListQuery query) {
        if (query.filters().isEmpty()) {
            return null;
        }
        try {
            return mapper.writeValueAsString(query.filters());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("filters cannot be written as JSON", e);
        }
    }

    @Override
    public String toString() {
        return "HubClient[" + hubId + "]";
    }
}
