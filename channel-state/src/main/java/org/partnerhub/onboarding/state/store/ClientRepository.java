package org.partnerhub.onboarding.state.store;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnerhub.onboarding.state.fold.ClientState;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The query API's reads of {@code client}; callers open the session ({@code @WithSession}). */
@ApplicationScoped
public class ClientRepository implements PanacheRepositoryBase<StoredClient, String> {

    /** @return the client, or {@code null} if there is none */
    public Uni<ClientState> client(String clientId) {
        return findById(clientId).map(client -> client == null ? null : client.toState());
    }
}
