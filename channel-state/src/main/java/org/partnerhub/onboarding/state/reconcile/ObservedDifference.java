package org.partnerhub.onboarding.state.reconcile;

import java.util.Objects;

import org.partnerhub.onboarding.events.hub.HubChannel;

/**
 * Whether 360dialog's read of a running or live channel says anything the projection does not: its status, client,
 * account mode or phone number. A field the read leaves out says nothing. Only a difference is folded, so that
 * re-reading every channel on the slow cadence does not add an observation per channel and run.
 */
final class ObservedDifference {

    /** A running or live channel as the projection holds it. */
    record ProjectedChannel(
            String hubId, String channelId, String clientId, String status, String accountMode, String phoneNumber) {
    }

    private ObservedDifference() {
    }

    static boolean differs(ProjectedChannel projected, HubChannel observed) {
        return observed.status() != null && !observed.status().equalsIgnoreCase(String.valueOf(projected.status()))
                || differs(projected.clientId(), observed.clientId())
                || differs(projected.accountMode(), observed.accountMode())
                || differs(projected.phoneNumber(), observed.phoneNumber());
    }

    private static boolean differs(String projected, String observed) {
        return observed != null && !Objects.equals(projected, observed);
    }
}
