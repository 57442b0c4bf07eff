package org.partnerhub.onboarding.state.importer;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.partnerhub.onboarding.state.fold.Fact;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The client facts an import folded ({@code import_client}): on no topic, so kept for a rebuild, which refolds them
 * before the reconciler's observations, in the order the import folded them.
 */
@Singleton
public class ImportedClients {

    @Inject
    Pool pool;

    /** Keeps the page's client facts once its fold committed; a page kept twice is kept once. */
    public void keep(List<Fact> facts) {
        List<Fact.ClientSeen> clients = facts.stream().filter(Fact.ClientSeen.class::isInstance)
                .map(Fact.ClientSeen.class::cast).toList();
        if (clients.isEmpty()) {
            return;
        }
        pool.preparedQuery("""
                insert into import_client (event_id, hub_id, client_id, tenant, name, occurred_at)
                select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])
                on conflict do nothing
                """).execute(Tuple.of(
                clients.stream().map(Fact.ClientSeen::eventId).toArray(String[]::new),
                clients.stream().map(Fact.ClientSeen::hubId).toArray(String[]::new),
                clients.stream().map(Fact.ClientSeen::clientId).toArray(String[]::new),
                clients.stream().map(Fact.ClientSeen::tenant).toArray(String[]::new),
                clients.stream().map(Fact.ClientSeen::name).toArray(String[]::new),
                clients.stream().map(client -> OffsetDateTime.ofInstant(client.occurredAt(), ZoneOffset.UTC))
                        .toArray(OffsetDateTime[]::new)))
                .await().indefinitely();
    }

    /** Every kept client fact, as the import folded it. */
    public List<Fact> all() {
        List<Fact> facts = new ArrayList<>();
        pool.query("select * from import_client order by occurred_at, event_id").execute().await().indefinitely()
                .forEach(row -> facts.add(new Fact.ClientSeen(row.getString("event_id"), row.getString("hub_id"),
                        row.getString("client_id"), row.getString("tenant"), false, row.getString("name"),
                        row.getOffsetDateTime("occurred_at").toInstant())));
        return facts;
    }
}
