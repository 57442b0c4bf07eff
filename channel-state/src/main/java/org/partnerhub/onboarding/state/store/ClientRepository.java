package org.partnerhub.onboarding.state.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.partnerhub.onboarding.state.fold.ClientState;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The query API's reads of {@code client}, through the same row mapping as the fold ({@link Rows#client}). */
@ApplicationScoped
public class ClientRepository {

    @Inject
    Pool pool;

    /** @return the client, or {@code null} if there is none */
    public Uni<ClientState> client(String clientId) {
        return pool.preparedQuery("select * from client where client_id = $1").execute(Tuple.of(clientId))
                .map(rows -> rows.iterator().hasNext() ? Rows.client(rows.iterator().next()) : null);
    }
}
