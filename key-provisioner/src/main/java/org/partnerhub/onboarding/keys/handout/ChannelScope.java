package org.partnerhub.onboarding.keys.handout;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnerhub.onboarding.auth.Credential;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Which hub and tenant a channel belongs to, as its key claims recorded them from channel.events' snapshots. */
@ApplicationScoped
public class ChannelScope {

    /**
     * Whether the credential may see the channel's key and claim: it has one and the credential sees the hub and
     * tenant of every one of its claims. A channel the credential may not see must be answered like one without a
     * claim, so that other tenants' channel ids cannot be probed.
     */
    @WithSession
    public Uni<Boolean> visible(String channelId, Credential credential) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "select hub_id, tenant from key_claim where channel_id = :channel", Object[].class)
                .setParameter("channel", channelId)
                .getResultList())
                .map(claims -> visible(claims, credential));
    }

    private static boolean visible(List<Object[]> claims, Credential credential) {
        return !claims.isEmpty()
                && claims.stream().allMatch(claim -> credential.sees((String) claim[0], (String) claim[1]));
    }
}
