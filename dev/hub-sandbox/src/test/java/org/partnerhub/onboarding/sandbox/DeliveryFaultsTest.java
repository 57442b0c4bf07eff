package org.partnerhub.onboarding.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class DeliveryFaultsTest {

    private static final Faults NONE = new Faults(0, 0, 0, 0, 0, 0, 0, 0, List.of());

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
        Faults reorder = new Faults(0, 0, 0, 0, 0, 1, 0, 0, List.of());

        assertThat(faults.plan(webhook("a", "1"), false, reorder).held()).isTrue();
        assertThat(faults.plan(webhook("b", "x"), true, reorder).sendNow()).extracting(Webhook::id)
                .containsExactly("x");
        assertThat(faults.plan(webhook("a", "2"), false, reorder).sendNow()).extracting(Webhook::id)
                .containsExactly("2", "1");
    }

    @Test
    void theLastWebhookIsNeverHeldAndReleasesWhatIsHeldEvenWhenDropped() {
        Faults reorder = new Faults(0, 0, 0, 0, 0, 1, 0, 0, List.of());
        faults.plan(webhook("a", "1"), false, reorder);

        DeliveryFaults.Plan last = faults.plan(webhook("a", "2"), true, new Faults(0, 0, 0, 0, 0, 1, 1, 0, List.of()));

        assertThat(last.dropped()).isTrue();
        assertThat(last.sendNow()).extracting(Webhook::id).containsExactly("1");
    }

    @Test
    void aDuplicatedWebhookGoesOutTwice() {
        DeliveryFaults.Plan plan = faults.plan(webhook("a", "1"), false, new Faults(0, 0, 0, 0, 1, 0, 0, 0, List.of()));

        assertThat(plan.sendNow()).extracting(Webhook::id).containsExactly("1", "1");
    }

    @Test
    void aNamedEventIsAlwaysDroppedAndTheOthersStillGoOut() {
        Faults dropRunning = new Faults(0, 0, 0, 0, 0, 0, 0, 0, List.of("channel_running"));

        assertThat(faults.plan(webhook("a", "1", "channel_running"), false, dropRunning).dropped()).isTrue();
        assertThat(faults.plan(webhook("a", "2", "channel_live"), true, dropRunning).sendNow())
                .extracting(Webhook::id).containsExactly("2");
    }

    private static Webhook webhook(String subject, String id) {
        return webhook(subject, id, "channel_created");
    }

    private static Webhook webhook(String subject, String id, String event) {
        return new Webhook("p", subject, id, event, ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
