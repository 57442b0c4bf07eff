package org.partnerhub.onboarding.sandbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;

/**
 * Decides what the webhook knobs do to each webhook: drop it, send it twice, or hold it back until the same
 * subject's next webhook has gone (out of order). A subject's last webhook releases whatever is held for it, so
 * holding never loses a webhook; only dropping does.
 */
final class DeliveryFaults {

    /** What to send now, and whether this webhook was dropped or held back. */
    record Plan(List<Webhook> sendNow, boolean dropped, boolean held) {
    }

    private final Map<String, List<Webhook>> held = new HashMap<>();
    private final DoublePredicate roll;

    /** @param roll true with the given probability */
    DeliveryFaults(DoublePredicate roll) {
        this.roll = roll;
    }

    /** @param last whether no further webhook will follow for this subject */
    synchronized Plan plan(Webhook webhook, boolean last, Faults faults) {
        if (faults.drops(webhook.event()) || roll.test(faults.dropRate())) {
            List<Webhook> released = last ? release(webhook.subject()) : List.of();
            return new Plan(released, true, false);
        }
        List<Webhook> copies = roll.test(faults.duplicateRate()) ? List.of(webhook, webhook) : List.of(webhook);
        if (held.containsKey(webhook.subject())) {
            List<Webhook> now = new ArrayList<>(copies);
            now.addAll(release(webhook.subject()));
            return new Plan(now, false, false);
        }
        if (!last && roll.test(faults.reorderRate())) {
            held.put(webhook.subject(), copies);
            return new Plan(List.of(), false, true);
        }
        return new Plan(copies, false, false);
    }

    synchronized void clear() {
        held.clear();
    }

    private List<Webhook> release(String subject) {
        List<Webhook> released = held.remove(subject);
        return released == null ? List.of() : released;
    }
}
