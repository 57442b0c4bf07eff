package org.partnerhub.onboarding.state.api;

import java.time.Instant;

import org.partnerhub.onboarding.state.fold.ClientState;

public record ClientView(String clientId, String hubId, String tenant, String name, Instant createdAt,
        Instant updatedAt) {

    static ClientView of(ClientState client) {
        return new ClientView(client.clientId(), client.hubId(), client.tenant(), client.name(), client.createdAt(),
                client.updatedAt());
    }
}
