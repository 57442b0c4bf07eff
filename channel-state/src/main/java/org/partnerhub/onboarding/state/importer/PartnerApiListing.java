package org.partnerhub.onboarding.state.importer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.partnerhub.onboarding.events.hub.HubChannel;
import org.partnerhub.onboarding.events.hub.PartnerClient;
import org.partnerhub.onboarding.hubapi.HubApiConfig;
import org.partnerhub.onboarding.hubapi.ListQuery;
import org.partnerhub.onboarding.hubapi.Page;
import org.partnerhub.onboarding.hubapi.PartnerApi;
import org.partnerhub.onboarding.state.fold.Fact;

/**
 * The Partner API's listings, {@code GET /partners/{partner_id}/clients} and {@code .../channels}, a page at a time,
 * oldest first ({@code sort=created_at}), so that objects 360dialog adds while an import runs land after its cursor
 * rather than shifting what it has read.
 */
@Singleton
public class PartnerApiListing {

    static final String OLDEST_FIRST = "created_at";

    @Inject
    PartnerApi partnerApi;

    @Inject
    HubApiConfig hubApi;

    /**
     * @param readAt the time the page's facts carry
     * @throws org.partnerhub.onboarding.hubapi.HubApiException as the Partner API fails
     */
    public ListedPage page(String hubId, ImportKind kind, int offset, int limit, Instant readAt) {
        ListQuery query = ListQuery.all().sortedBy(OLDEST_FIRST).page(limit, offset);
        List<Fact> facts = new ArrayList<>();
        return switch (kind) {
            case CLIENTS -> {
                Page<PartnerClient> page = partnerApi.hub(hubId).clients(query).await().atMost(bound());
                page.items().forEach(client -> facts.addAll(ImportFacts.client(hubId, client.id(), client.name(),
                        client.partnerPayload(), readAt)));
                yield new ListedPage(facts, page.items().size(), page.total());
            }
            case CHANNELS -> {
                Page<HubChannel> page = partnerApi.hub(hubId).channels(query).await().atMost(bound());
                // Read by the model a webhook's data is read by, like the reconciler's reads.
                page.items().forEach(channel -> facts.addAll(ImportFacts.channel(hubId, channel, readAt)));
                yield new ListedPage(facts, page.items().size(), page.total());
            }
        };
    }

    /** One call's own bound, with room for a wait for the hub's slot and a renewed login, as the reconciler's. */
    private Duration bound() {
        return hubApi.timeout().multipliedBy(3);
    }
}
