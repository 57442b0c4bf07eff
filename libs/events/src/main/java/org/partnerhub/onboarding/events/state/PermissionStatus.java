package org.partnerhub.onboarding.events.state;

import java.util.Objects;

/**
 * @param source how it became known: {@code partner-payment}, {@code redirect}, {@code webhook}, {@code reconcile},
 *     ...; absent while the permission is missing
 */
public record PermissionStatus(PermissionState state, String source) {

    public PermissionStatus {
        Objects.requireNonNull(state, "state");
    }
}
