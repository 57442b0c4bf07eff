package org.partnerhub.onboarding.state.fold;

import java.util.ArrayList;
import java.util.List;

import org.partnerhub.onboarding.events.state.ChannelStage;

/**
 * Which observation of 360dialog's status stands, and what a change of stage means. Pure.
 *
 * <p>Per channel, 360dialog is the truth in the order it spoke: webhooks in the order they were received (their
 * partition's order), and a Partner API read as of when it was made. So of two observations the later one stands,
 * by when it was observed (a webhook's receive time, a read's time) and then the event id, whatever the status:
 * a lifted restriction or a revoked cancellation moves the channel back, and a reconciler read older than the
 * observation last applied is stale. One exception: a status this service does not know never replaces a known
 * one. The winner is the greatest observation under one total order, so the outcome does not depend on the order in
 * which observations arrive, are duplicated, or interleave with other facts.
 */
final class StatusRule {

    /** The lifecycle events a change of stage publishes, besides {@code channel.status-changed}. */
    enum StageEvent {
        /** From a stage before running into a usable one, or back into one: API keys can be created. */
        RUNNING,
        RESTRICTED,
        CANCELLATION_REQUESTED,
        CANCELLED,
        /** Out of restricted, cancellation-requested or cancelled into any other known stage. */
        RESTORED
    }

    private StatusRule() {
    }

    /**
     * Whether an observation replaces the channel's current status.
     *
     * @param current absent while the channel has no status, or was stored before statuses were stamped
     */
    static boolean replaces(String status, Stamp observed, String currentStatus, Stamp current) {
        if (status == null) {
            return false;
        }
        if (currentStatus == null) {
            return true;
        }
        boolean known = StageMapping.known(status);
        if (known != StageMapping.known(currentStatus)) {
            return known;
        }
        return observed.after(current);
    }

    /** What moving from one stage to another publishes, in order. */
    static List<StageEvent> events(ChannelStage from, ChannelStage to) {
        List<StageEvent> events = new ArrayList<>();
        if (from == to) {
            return events;
        }
        if (StageMapping.ending(from) && !StageMapping.ending(to)) {
            events.add(StageEvent.RESTORED);
        }
        if (!StageMapping.usable(from) && StageMapping.usable(to)) {
            events.add(StageEvent.RUNNING);
        }
        switch (to) {
            case RESTRICTED -> events.add(StageEvent.RESTRICTED);
            case CANCELLATION_REQUESTED -> events.add(StageEvent.CANCELLATION_REQUESTED);
            case CANCELLED -> events.add(StageEvent.CANCELLED);
            case PENDING, READY, RUNNING, LIVE, UNKNOWN -> {
                // Only the ending stages, and leaving them, have events of their own; running is above.
            }
        }
        return events;
    }
}
