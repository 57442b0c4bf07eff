package org.partnerhub.onboarding.keys.store;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.partnerhub.onboarding.events.state.ChannelSnapshot;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The latest snapshot of each channel from {@code channel.state}, kept for the sweep ({@link ClaimLedger#claimMissing})
 * and for the tenant a messaging webhook URL may name.
 */
@ApplicationScoped
public class ChannelViews {

    @Inject
    Clock clock;

    /**
     * Keeps the snapshot unless a newer version is kept already: replays and reordering cannot go back.
     *
     * @return whether the snapshot is the latest kept (stored now, or the same version again, as after a crash
     *     between keeping it and acting on it)
     */
    @WithTransaction
    public Uni<Boolean> remember(ChannelSnapshot snapshot) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into channel_view (hub_id, channel_id, client_id, tenant, version, stage, permission, api_key,
                                          updated_at)
                values (:hub, :channel, :client, :tenant, :version, :stage, :permission, :apiKey, :now)
                on conflict (hub_id, channel_id) do update
                set client_id = excluded.client_id, tenant = excluded.tenant, version = excluded.version, stage = excluded.stage,
                    permission = excluded.permission, api_key = excluded.api_key, updated_at = excluded.updated_at
                where channel_view.version <= excluded.version""")
                .setParameter("hub", snapshot.hubId())
                .setParameter("channel", snapshot.channelId())
                .setParameter("client", snapshot.clientId())
                .setParameter("tenant", snapshot.tenant())
                .setParameter("version", snapshot.version())
                .setParameter("stage", snapshot.stage().name())
                .setParameter("permission", snapshot.permission().state().name())
                .setParameter("apiKey", snapshot.apiKey().state().name())
                .setParameter("now", clock.instant())
                .executeUpdate())
                .map(kept -> kept == 1);
    }
}
