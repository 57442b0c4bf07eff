package org.partnerhub.onboarding.state.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PollPlanTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final PollPlan PLAN = new PollPlan(Duration.ofMinutes(2), Duration.ofHours(6));
    private static final Instant CHANGED = NOW.minus(Duration.ofMinutes(10));

    private static final ClientKey HOT = new ClientKey("main", "hot");
    private static final ClientKey HOT_JUST_ASKED = new ClientKey("main", "hot-just-asked");
    private static final ClientKey COLD = new ClientKey("main", "cold");
    private static final ClientKey COLD_ASKED_EARLIER = new ClientKey("main", "cold-earlier");
    private static final ClientKey COLD_RECENTLY_ASKED = new ClientKey("main", "cold-recent");
    private static final ClientKey NEVER_ASKED = new ClientKey("other", "never");

    @Test
    void hotClientsAreDueAfterTheHotIntervalOthersAfterTheColdOneAndTheNeverAskedAtOnce() {
        List<PollPlan.Candidate> candidates = List.of(
                new PollPlan.Candidate(COLD, false, CHANGED),
                new PollPlan.Candidate(COLD_ASKED_EARLIER, false, CHANGED),
                new PollPlan.Candidate(COLD_RECENTLY_ASKED, false, CHANGED),
                new PollPlan.Candidate(NEVER_ASKED, false, CHANGED),
                new PollPlan.Candidate(HOT_JUST_ASKED, true, CHANGED),
                new PollPlan.Candidate(HOT, true, CHANGED));
        Map<ClientKey, Instant> lastAsked = Map.of(
                HOT, NOW.minus(Duration.ofMinutes(2)),
                HOT_JUST_ASKED, NOW.minus(Duration.ofMinutes(1)),
                COLD, NOW.minus(Duration.ofHours(6)),
                COLD_ASKED_EARLIER, NOW.minus(Duration.ofHours(7)),
                COLD_RECENTLY_ASKED, NOW.minus(Duration.ofHours(1)));

        assertThat(PLAN.due(candidates, lastAsked, NOW))
                .as("hot first, then the never asked, then the longest ago")
                .containsExactly(HOT, NEVER_ASKED, COLD_ASKED_EARLIER, COLD);
    }

    @Test
    void aClientThatTurnsHotIsDueOnTheHotCadence() {
        Map<ClientKey, Instant> lastAsked = Map.of(COLD, NOW.minus(Duration.ofMinutes(3)));

        assertThat(PLAN.due(List.of(new PollPlan.Candidate(COLD, false, CHANGED)), lastAsked, NOW)).isEmpty();
        assertThat(PLAN.due(List.of(new PollPlan.Candidate(COLD, true, CHANGED)), lastAsked, NOW)).containsExactly(COLD);
    }

    @Test
    void aHotClientChangedJustNowGoesBeforeManyNeverAskedOnesThatChangedEarlier() {
        List<PollPlan.Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            // A first-install import: all changed at once, none asked yet.
            candidates.add(new PollPlan.Candidate(new ClientKey("main", "imported-" + i), true, CHANGED));
        }
        ClientKey inThePopup = new ClientKey("main", "zz-in-the-popup");
        candidates.add(new PollPlan.Candidate(inThePopup, true, NOW.minusSeconds(5)));
        Map<ClientKey, Instant> lastAsked = Map.of(inThePopup, NOW.minus(Duration.ofMinutes(2)));

        List<ClientKey> due = PLAN.due(candidates, lastAsked, NOW);

        assertThat(due).hasSize(501);
        assertThat(due.getFirst()).isEqualTo(inThePopup);
    }
}
