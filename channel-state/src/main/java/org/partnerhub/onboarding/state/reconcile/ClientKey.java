package org.partnerhub.onboarding.state.reconcile;

import java.util.Comparator;
import java.util.Objects;

/** A client of a hub: what the permission poller asks 360dialog about. */
record ClientKey(String hubId, String clientId) implements Comparable<ClientKey> {

    private static final Comparator<ClientKey> ORDER = Comparator.comparing(ClientKey::hubId)
            .thenComparing(ClientKey::clientId);

    ClientKey {
        Objects.requireNonNull(hubId, "hubId");
        Objects.requireNonNull(clientId, "clientId");
    }

    @Override
    public int compareTo(ClientKey other) {
        return ORDER.compare(this, other);
    }
}
