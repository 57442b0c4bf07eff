package org.partnerhub.onboarding.state.fold;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.partnerhub.onboarding.events.lifecycle.ChannelTransition;
import org.partnerhub.onboarding.events.state.ApiKeyState;
import org.partnerhub.onboarding.runtime.hubs.PaymentMode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ChannelFoldPropertiesTest {

    private static final List<String> STATUSES =
            List.of("created", "submitted", "verified", "ready", "running", "live", "restricted", "brand_new");

    @Property
    void anyInterleavingAndDuplicationEndsInTheSameState(
            @ForAll("facts") List<Fact> facts, @ForAll long seed, @ForAll PaymentMode mode) {
        Projection inOrder = foldAll(facts, mode);

        List<Fact> delivered = new ArrayList<>(facts);
        Random random = new Random(seed);
        for (Fact fact : facts) {
            if (random.nextBoolean()) {
                delivered.add(fact);
            }
        }
        Collections.shuffle(delivered, random);
        Projection shuffled = foldAll(delivered, mode);

        assertThat(visible(shuffled)).isEqualTo(visible(inOrder));
        assertThat(clientTenant(shuffled)).isEqualTo(clientTenant(inOrder));
    }

    @Property
    void replaysOfOldStatusesNeverMoveAChannelBackAndTheVersionOnlyGrows(
            @ForAll("facts") List<Fact> facts, @ForAll PaymentMode mode) {
        ChannelFold fold = new ChannelFold(hub -> mode);
        Projection projection = new Projection();
        FoldOutput out = new FoldOutput();
        int rank = -1;
        long version = 0;
        List<Fact> withReplays = new ArrayList<>(facts);
        withReplays.addAll(facts.reversed());
        for (Fact fact : withReplays) {
            int publishedBefore = out.published().size();
            fold.apply(projection, fact, out);
            ChannelState channel = projection.channel(Facts.CHANNEL);
            if (channel == null) {
                continue;
            }
            assertThat(StageMapping.rank(channel.status())).isGreaterThanOrEqualTo(rank);
            assertThat(channel.version()).isGreaterThanOrEqualTo(version);
            long previousVersion = version;
            out.published().subList(publishedBefore, out.published().size()).stream()
                    .filter(ChannelTransition.class::isInstance).map(ChannelTransition.class::cast)
                    .forEach(transition -> assertThat(transition.version()).isGreaterThan(previousVersion));
            rank = StageMapping.rank(channel.status());
            version = channel.version();
        }
    }

    /** Only a fact about the client leaves the channel unseen. */
    private static Optional<ChannelState> visible(Projection projection) {
        return Optional.ofNullable(projection.channel(Facts.CHANNEL)).map(ChannelState::withoutArrivalOrder);
    }

    private static Optional<String> clientTenant(Projection projection) {
        return Optional.ofNullable(projection.client(Facts.CLIENT)).map(ClientState::tenant);
    }

    private static Projection foldAll(List<Fact> facts, PaymentMode mode) {
        ChannelFold fold = new ChannelFold(hub -> mode);
        Projection projection = new Projection();
        FoldOutput out = new FoldOutput();
        facts.forEach(fact -> fold.apply(projection, fact, out));
        return projection;
    }

    @Provide
    Arbitrary<List<Fact>> facts() {
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 5);
        Arbitrary<Integer> value = Arbitraries.integers().between(0, STATUSES.size() - 1);
        Arbitrary<Integer> seconds = Arbitraries.integers().between(0, 20);
        return Combinators.combine(kind, value, seconds).as(FactSpec::new).list().ofMinSize(1).ofMaxSize(12)
                .map(specs -> {
                    List<Fact> facts = new ArrayList<>();
                    for (int i = 0; i < specs.size(); i++) {
                        facts.add(specs.get(i).toFact("e" + i));
                    }
                    return facts;
                });
    }

    private record FactSpec(int kind, int value, int seconds) {
        Fact toFact(String eventId) {
            return switch (kind) {
                case 0, 1 -> Facts.status(eventId, STATUSES.get(value), seconds);
                case 2 -> Facts.grant(eventId, seconds);
                case 3 -> Facts.revoke(eventId, seconds);
                case 4 -> Facts.linked(eventId, seconds);
                default -> Facts.apiKey(eventId, ApiKeyState.values()[value % ApiKeyState.values().length], seconds);
            };
        }
    }
}
