package org.partnerhub.onboarding.events.permission;

import org.partnerhub.onboarding.events.Event;
import org.partnerhub.onboarding.events.EventIds;
import org.partnerhub.onboarding.events.Topic;

/**
 * What the gateway learned from the redirect back from 360dialog's permission page (topic
 * {@code onboarding.permissions}). Each event carries a {@code factKey} chosen by its producer: the gateway passes
 * the signed-state nonce of the flow, so a refreshed redirect repeats the same facts with the same ids.
 */
public sealed interface PermissionEvent extends Event permits ClientLinked, PermissionGranted, PermissionRevoked {

    String clientId();

    /** The partner's own reference for the customer, from the flow's signed state. */
    String tenant();

    String factKey();

    @Override
    default Topic topic() {
        return Topic.ONBOARDING_PERMISSIONS;
    }

    /** Identified by type, hub, subject and fact key: the same fact from a refreshed redirect repeats its id. */
    @Override
    default String id() {
        return EventIds.of(type(), hubId(), subject(), factKey());
    }
}
