package org.partnerhub.onboarding.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class DeliveryFaultsTest {

    private static final Faults NONE = new Faults(0, 0, 0, 0, 0, 0, 0, 0);

    private final DeliveryFaults faults = new DeliveryFaults(rate -> rate >= 1);

    @Test
    void withoutFaultsEachWebhookGoesOutAtOnce() {
        DeliveryFaults.Plan plan = faults.plan(webhook("a", "1"), false, NONE);

        assertThat(plan.sendNow()).extracting(Webhook::id).containsExactly("1");
        assertThat(plan.dropped()).isFalse();
        assertThat(plan.held()).isFalse();
    }

    @Test
    void aHeldWebhookFollowsTheSubjectsNextOne() {
        Faults reorder = new Faults(0, 0, 0, 0, 0, 1, 0, 0);

        assertThat(faults.plan(webhook("a", "1"), false, reorder).held()).isTrue();
        assertThat(faults.plan(webhook("b", "x"), true, reorder).sendNow()).extracting(Webhook::id)
                .containsExactly("x");
        assertThat(faults.plan(webhook("a", "2"), false, reorder).sendNow()).extracting(Webhook::id)
                .containsExactly("2", "1");
    }

    @Test
    void theLastWebhookIsNeverHeldAndReleasesWhatIsHeldEvenWhenDropped() {
        Faults reorder = new Faults(0, 0, 0, 0, 0, 1, 0, 0);
        faults.plan(webhook("a", "1"), false, reorder);

        DeliveryFaults.Plan last = faults.plan(webhook("a", "2"), true, new Faults(0, 0, 0, 0, 0, 1, 1, 0));

        assertThat(last.dropped()).isTrue();
        assertThat(last.sendNow()).extracting(Webhook::id).containsExactly("1");
    }

    @Test
    void aDuplicatedWebhookGoesOutTwice() {
        DeliveryFaults.Plan plan = faults.plan(webhook("a", "1"), false, new Faults(0, 0, 0, 0, 1, 0, 0, 0));

        assertThat(plan.sendNow()).extracting(Webhook::id).containsExactly("1", "1");
    }

    private static Webhook webhook(String subject, String id) {
        return new Webhook("p", subject, id, "channel_created", ("{\"id\":\"" + id + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
