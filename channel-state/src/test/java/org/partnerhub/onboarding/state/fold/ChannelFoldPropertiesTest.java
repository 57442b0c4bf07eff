package org.partnerhub.onboarding.state.fold;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;

import org.partnerhub.onboarding.events.Event;
import org.partnerhub.onboarding.events.lifecycle.ChannelCancellationRequested;
import org.partnerhub.onboarding.events.lifecycle.ChannelCancelled;
import org.partnerhub.onboarding.events.lifecycle.ChannelRestored;
import org.partnerhub.onboarding.events.lifecycle.ChannelRestricted;
import org.partnerhub.onboarding.events.lifecycle.ChannelStatusChanged;
import org.partnerhub.onboarding.events.lifecycle.ChannelTransition;
import org.partnerhub.onboarding.events.permission.Verification;
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
            List.of("created", "ready", "running", "live", "restricted", "pending_deletion", "cancelled", "brand_new");

    private static final Comparator<Fact.StatusObserved> LATEST_KNOWN = Comparator
            .comparing((Fact.StatusObserved fact) -> StageMapping.known(fact.status()))
            .thenComparing(Fact.StatusObserved::occurredAt).thenComparing(Fact.StatusObserved::eventId);

    @Property
    void anyInterleavingAndDuplicationEndsInTheSameState(
            @ForAll("facts") List<Fact> facts, @ForAll long seed, @ForAll PaymentMode mode) {
        Projection inOrder = foldAll(facts, mode);
        Projection shuffled = foldAll(shuffledWithDuplicates(facts, seed), mode);

        assertThat(visible(shuffled)).isEqualTo(visible(inOrder));
        assertThat(clientTenant(shuffled, Facts.CLIENT)).isEqualTo(clientTenant(inOrder, Facts.CLIENT));
        assertThat(clientTenant(shuffled, Facts.OTHER_CLIENT)).isEqualTo(clientTenant(inOrder, Facts.OTHER_CLIENT));
    }

    /**
     * Tenant A's channel: 360dialog reports it under A's client, which A linked first. Whatever tenant B adds (client
     * links, confirmed or pending grants and revocations, naming A's client or its own) and in whatever order and
     * how often everything arrives, the channel ends with the permission, client and tenant A's facts alone give it.
     * And from the moment A's first binding is folded, B's facts never decide the permission and the tenant is A's.
     */
    @Property
    void aSecondTenantNeverChangesTheChannelsPermissionClientOrTenant(
            @ForAll("tenantAFacts") List<Fact> ofA, @ForAll("tenantBFacts") List<Fact> ofB, @ForAll long seed,
            @ForAll PaymentMode mode) {
        Fact anchor = Facts.linked("a-first", 0);
        List<Fact> onlyA = new ArrayList<>(ofA);
        onlyA.add(anchor);
        onlyA.add(Facts.status("a-created", "created", null, 0));
        ChannelState expected = foldAll(onlyA, mode).channel(Facts.CHANNEL);

        List<Fact> delivered = new ArrayList<>(onlyA);
        delivered.addAll(ofB);
        Random random = new Random(seed);
        for (Fact fact : List.copyOf(delivered)) {
            if (random.nextBoolean()) {
                delivered.add(fact);
            }
        }
        Collections.shuffle(delivered, random);

        ChannelFold fold = new ChannelFold(hub -> mode);
        Projection projection = new Projection();
        FoldOutput out = new FoldOutput();
        boolean bound = false;
        for (Fact fact : delivered) {
            fold.apply(projection, fact, out);
            bound |= fact.equals(anchor);
            ChannelState channel = projection.channel(Facts.CHANNEL);
            if (bound && channel != null) {
                assertThat(Stamp.eventIdOf(channel.permission().decidedBy())).satisfiesAnyOf(
                        id -> assertThat(id).isNull(), id -> assertThat(id).doesNotStartWith("b"));
                assertThat(channel.tenant()).isIn(null, Facts.TENANT);
            }
        }
        ChannelState actual = projection.channel(Facts.CHANNEL);
        assertThat(actual.permission()).isEqualTo(expected.permission());
        assertThat(actual.clientId()).isEqualTo(Facts.CLIENT);
        assertThat(actual.tenant()).isEqualTo(Facts.TENANT);
        assertThat(projection.client(Facts.CLIENT).tenant()).isEqualTo(Facts.TENANT);
    }

    /**
     * Status can go back: whatever the order and duplication of webhooks, reconciler reads and the other topics' facts,
     * the channel's status is that of 360dialog's latest observation, known statuses before unknown ones.
     */
    @Property
    void theStatusIsThatOfTheLatestObservationWhateverTheOrder(
            @ForAll("facts") List<Fact> facts, @ForAll long seed, @ForAll PaymentMode mode) {
        Projection projection = foldAll(shuffledWithDuplicates(facts, seed), mode);

        Optional<String> latest = facts.stream().filter(Fact.StatusObserved.class::isInstance)
                .map(Fact.StatusObserved.class::cast).max(LATEST_KNOWN).map(Fact.StatusObserved::status);
        latest.ifPresent(status -> assertThat(projection.channel(Facts.CHANNEL).hub().status()).isEqualTo(status));
    }

    /** A fact delivered again changes nothing and publishes nothing; versions and transitions only grow. */
    @Property
    void duplicatesChangeNothingAndTheVersionOnlyGrows(@ForAll("facts") List<Fact> facts, @ForAll PaymentMode mode) {
        ChannelFold fold = new ChannelFold(hub -> mode);
        Projection projection = new Projection();
        FoldOutput out = new FoldOutput();
        long version = 0;
        for (Fact fact : facts) {
            int publishedBefore = out.published().size();
            fold.apply(projection, fact, out);
            ChannelState channel = projection.channel(Facts.CHANNEL);
            if (channel == null) {
                continue;
            }
            assertThat(channel.times().version()).isGreaterThanOrEqualTo(version);
            long previousVersion = version;
            out.published().subList(publishedBefore, out.published().size()).stream()
                    .filter(ChannelTransition.class::isInstance).map(ChannelTransition.class::cast)
                    .forEach(transition -> assertThat(transition.version()).isGreaterThan(previousVersion));
            version = channel.times().version();
        }
        Optional<ChannelState> before = Optional.ofNullable(projection.channel(Facts.CHANNEL));
        int published = out.published().size();

        facts.reversed().forEach(fact -> fold.apply(projection, fact, out));

        assertThat(Optional.ofNullable(projection.channel(Facts.CHANNEL))).isEqualTo(before);
        assertThat(out.published()).hasSize(published);
    }

    /**
     * Whatever the order: a move into restricted, cancellation-requested or cancelled publishes its event with the
     * status change, a move out of them publishes channel.restored, and neither happens without the other.
     */
    @Property
    void everyMoveIntoOrOutOfAnEndingStagePublishesItsEvent(
            @ForAll("facts") List<Fact> facts, @ForAll long seed, @ForAll PaymentMode mode) {
        ChannelFold fold = new ChannelFold(hub -> mode);
        Projection projection = new Projection();
        FoldOutput out = new FoldOutput();
        shuffledWithDuplicates(facts, seed).forEach(fact -> fold.apply(projection, fact, out));

        Map<Long, ChannelStatusChanged> changes = new HashMap<>();
        Map<Long, Set<Class<?>>> endings = new HashMap<>();
        for (Event event : out.published()) {
            switch (event) {
                case ChannelStatusChanged change -> changes.put(change.version(), change);
                case ChannelRestricted e -> endings.computeIfAbsent(e.version(), v -> new HashSet<>()).add(e.getClass());
                case ChannelCancellationRequested e ->
                    endings.computeIfAbsent(e.version(), v -> new HashSet<>()).add(e.getClass());
                case ChannelCancelled e -> endings.computeIfAbsent(e.version(), v -> new HashSet<>()).add(e.getClass());
                case ChannelRestored e -> endings.computeIfAbsent(e.version(), v -> new HashSet<>()).add(e.getClass());
                default -> {
                    // Other events say nothing about ending stages.
                }
            }
        }
        assertThat(changes.keySet()).containsAll(endings.keySet());
        changes.forEach((version, change) -> {
            Set<Class<?>> expected = new HashSet<>();
            switch (change.toStage()) {
                case RESTRICTED -> expected.add(ChannelRestricted.class);
                case CANCELLATION_REQUESTED -> expected.add(ChannelCancellationRequested.class);
                case CANCELLED -> expected.add(ChannelCancelled.class);
                default -> {
                    if (change.fromStage() != null && StageMapping.ending(change.fromStage())) {
                        expected.add(ChannelRestored.class);
                    }
                }
            }
            if (change.fromStage() == change.toStage()) {
                expected.clear();
            }
            assertThat(endings.getOrDefault(version, Set.of())).isEqualTo(expected);
        });
    }

    private static List<Fact> shuffledWithDuplicates(List<Fact> facts, long seed) {
        List<Fact> delivered = new ArrayList<>(facts);
        Random random = new Random(seed);
        for (Fact fact : facts) {
            if (random.nextBoolean()) {
                delivered.add(fact);
            }
        }
        Collections.shuffle(delivered, random);
        return delivered;
    }

    /** Only a fact about the client leaves the channel unseen. */
    private static Optional<ChannelState> visible(Projection projection) {
        return Optional.ofNullable(projection.channel(Facts.CHANNEL)).map(ChannelState::withoutArrivalOrder);
    }

    private static Optional<String> clientTenant(Projection projection, String clientId) {
        return Optional.ofNullable(projection.client(clientId)).map(ClientState::tenant);
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
        return specs(0, 20).map(specs -> facts("e", specs, FactSpec::toFact));
    }

    /** A's own facts: statuses with or without its payload, its links, its grants and revocations, API keys. */
    @Provide
    Arbitrary<List<Fact>> tenantAFacts() {
        return specs(0, 20).map(specs -> facts("a", specs, FactSpec::ofTenantA));
    }

    /** B's facts, all after A's first binding: what a forged redirect of B can make the gateway publish. */
    @Provide
    Arbitrary<List<Fact>> tenantBFacts() {
        return specs(1, 20).map(specs -> facts("b", specs, FactSpec::ofTenantB));
    }

    private static Arbitrary<List<FactSpec>> specs(int fromSecond, int toSecond) {
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 9);
        Arbitrary<Integer> value = Arbitraries.integers().between(0, STATUSES.size() - 1);
        Arbitrary<Integer> seconds = Arbitraries.integers().between(fromSecond, toSecond);
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        return Combinators.combine(kind, value, seconds, flag).as(FactSpec::new).list().ofMinSize(1).ofMaxSize(12);
    }

    private static List<Fact> facts(
            String prefix, List<FactSpec> specs, BiFunction<FactSpec, String, Fact> toFact) {
        List<Fact> facts = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            facts.add(toFact.apply(specs.get(i), prefix + i));
        }
        return facts;
    }

    /**
     * @param flag a second choice within the kind (payload or none, confirmed or pending, own client or another)
     */
    private record FactSpec(int kind, int value, int seconds, boolean flag) {

        /** Anything, from either tenant; only what 360dialog or the gateway could say (see {@link #ofTenantB}). */
        Fact toFact(String eventId) {
            String tenant = value % 2 == 0 ? Facts.TENANT : Facts.OTHER_TENANT;
            return switch (kind) {
                case 0 -> Facts.status(eventId, STATUSES.get(value), flag ? tenant : null, seconds);
                case 1 -> Facts.read(eventId, STATUSES.get(value), seconds);
                case 2, 3 -> Facts.permission(eventId, Facts.CLIENT, tenant, kind == 2,
                        flag ? Verification.CONFIRMED : Verification.PENDING, seconds);
                case 4, 5 -> Facts.permission(eventId, flag ? Facts.CLIENT : Facts.OTHER_CLIENT, tenant, kind == 4,
                        Verification.PENDING, seconds);
                case 6, 7 -> Facts.linked(eventId, flag ? Facts.CLIENT : Facts.OTHER_CLIENT, tenant, seconds);
                default -> apiKey(eventId);
            };
        }

        Fact ofTenantA(String eventId) {
            return switch (kind) {
                case 0, 1 -> Facts.status(eventId, STATUSES.get(value), flag ? Facts.TENANT : null, seconds);
                case 2, 3, 4, 5 -> Facts.permission(eventId, Facts.CLIENT, Facts.TENANT, kind % 2 == 0,
                        flag ? Verification.CONFIRMED : Verification.PENDING, seconds);
                case 6, 7 -> Facts.linked(eventId, Facts.CLIENT, Facts.TENANT, seconds);
                default -> apiKey(eventId);
            };
        }

        /**
         * The gateway confirms a channel only under the client the Partner API lists it under (A's), so B's confirmed
         * facts name A's client; pending ones name either; B may link A's client (one without a payload) or its own.
         */
        Fact ofTenantB(String eventId) {
            return switch (kind) {
                case 0, 1, 2 -> Facts.permission(eventId, Facts.CLIENT, Facts.OTHER_TENANT, kind % 2 == 0,
                        Verification.CONFIRMED, seconds);
                case 3, 4, 5, 6 -> Facts.permission(eventId, flag ? Facts.CLIENT : Facts.OTHER_CLIENT,
                        Facts.OTHER_TENANT, kind % 2 == 0, Verification.PENDING, seconds);
                default -> Facts.linked(eventId, flag ? Facts.CLIENT : Facts.OTHER_CLIENT, Facts.OTHER_TENANT,
                        seconds);
            };
        }

        private Fact apiKey(String eventId) {
            return Facts.apiKey(eventId, ApiKeyState.values()[value % ApiKeyState.values().length], seconds);
        }
    }
}
