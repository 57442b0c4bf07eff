package org.partnerhub.onboarding.state.fold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.partnerhub.onboarding.events.lifecycle.ChannelCancellationRequested;
import org.partnerhub.onboarding.events.lifecycle.ChannelCancelled;
import org.partnerhub.onboarding.events.lifecycle.ChannelCreated;
import org.partnerhub.onboarding.events.lifecycle.ChannelPermissionGranted;
import org.partnerhub.onboarding.events.lifecycle.ChannelPermissionRevoked;
import org.partnerhub.onboarding.events.lifecycle.ChannelRestored;
import org.partnerhub.onboarding.events.lifecycle.ChannelRestricted;
import org.partnerhub.onboarding.events.lifecycle.ChannelRunning;
import org.partnerhub.onboarding.events.lifecycle.ChannelStatusChanged;
import org.partnerhub.onboarding.events.lifecycle.ClientCreated;
import org.partnerhub.onboarding.events.permission.Verification;
import org.partnerhub.onboarding.events.state.ApiKeyState;
import org.partnerhub.onboarding.events.state.ChannelSnapshot;
import org.partnerhub.onboarding.events.state.PermissionState;
import org.partnerhub.onboarding.runtime.hubs.PaymentMode;

/**
 * Folds facts into the projection: pure, no I/O. The rules make the outcome independent of the order in which facts
 * arrive, within a topic and across topics:
 * <ul>
 * <li>an event id is applied once;</li>
 * <li>hub status: of 360dialog's observations the later one stands, by when it was observed and then the event id
 * ({@link StatusRule}), so a channel goes back when 360dialog says so; a status this service does not know never
 * replaces a known one; a losing observation is a stale replay, written to history only; the account mode only
 * moves from sandbox to live;</li>
 * <li>client: what 360dialog reports (a webhook or a Partner API read) is the channel's client; a client named by a
 * permission fact counts only if the gateway confirmed it with the Partner API, and only until 360dialog reports;</li>
 * <li>tenant: a client's first verified binding stays ({@link TenantBinding}); a later one naming another tenant is a
 * conflict, recorded in the history of the client's channels and changing nothing;</li>
 * <li>permission: every permission fact is kept with its channel and judged ({@link PermissionVerdict}) against the
 * channel's client and tenant whenever either changes; of the facts that count, the one that happened last wins, the
 * event id breaking ties; one that does not count is recorded in history (pending, client or tenant conflict);</li>
 * <li>API key: the fact that happened last wins, the event id breaking ties.</li>
 * </ul>
 * A channel comes into being with the first fact 360dialog or a service vouches for (a status, a confirmed permission
 * fact, an API key fact); an unconfirmed permission fact alone creates nothing, and its time never counts as the
 * channel's. Every visible change bumps the channel's version, appends history and publishes the snapshot with its
 * transitions.
 */
public final class ChannelFold {

    private static final Comparator<Fact.PermissionChanged> HAPPENED = Comparator.comparing(Stamp::of);

    private final Function<String, PaymentMode> paymentModes;

    /** @param paymentModes a hub's payment mode; hubs it does not know are treated as Direct Payment */
    public ChannelFold(Function<String, PaymentMode> paymentModes) {
        this.paymentModes = paymentModes;
    }

    public void apply(Projection projection, Fact fact, FoldOutput out) {
        if (!projection.apply(fact.eventId())) {
            return;
        }
        out.applied(fact.eventId());
        switch (fact) {
            case Fact.ClientSeen client -> clientSeen(projection, client, out);
            case Fact.StatusObserved status -> statusObserved(projection, status, out);
            case Fact.PermissionChanged permission -> permissionChanged(projection, permission, out);
            case Fact.ApiKeyChanged apiKey -> apiKeyChanged(projection, apiKey, out);
            case Fact.TextNormalised note -> textNormalised(projection, note, out);
        }
    }

    /** A note in the history of the channel the fact named, or else of its client's channels, at their version. */
    private static void textNormalised(Projection projection, Fact.TextNormalised note, FoldOutput out) {
        ChannelState named = note.channelId() == null ? null : projection.channel(note.channelId());
        List<ChannelState> channels = named != null ? List.of(named)
                : note.clientId() == null ? List.of() : projection.channelsOfClient(note.clientId());
        for (ChannelState channel : channels) {
            out.history(new HistoryEntry(channel.channelId(), channel.times().version(), HistoryEntry.TEXT_NORMALISED,
                    String.join(",", note.fields()), "U+FFFD", note.factId(),
                    null, note.occurredAt()));
        }
    }

    private void clientSeen(Projection projection, Fact.ClientSeen fact, FoldOutput out) {
        TenantSource source = fact.linked() ? TenantSource.LINK : TenantSource.PAYLOAD;
        ClientOutcome client = client(projection, fact, fact.clientId(),
                TenantBinding.offered(fact.tenant(), source, fact), fact.name(), out);
        settleChannelsOfClient(projection, client, null, fact, out);
    }

    private void statusObserved(Projection projection, Fact.StatusObserved fact, FoldOutput out) {
        ClientOutcome client = fact.clientId() == null ? null
                : client(projection, fact, fact.clientId(),
                        TenantBinding.offered(fact.partnerPayload(), TenantSource.PAYLOAD, fact), null, out);
        Change change = channel(projection, fact, fact.channelId());
        change.observed(fact.clientId(), fact.phoneNumber());
        ChannelState.HubStatus current = change.current.hub();
        String accountMode = laterAccountMode(current.accountMode(), fact.accountMode());
        Stamp observed = Stamp.of(fact);
        if (StatusRule.replaces(fact.status(), observed, current.status(), current.observed())) {
            change.status(new ChannelState.HubStatus(fact.status(), fact.statusAt(), accountMode, observed));
        } else {
            if (fact.status() != null && !fact.status().equals(current.status())) {
                change.stale(current.status(), fact.status());
            }
            change.status(new ChannelState.HubStatus(current.status(), current.statusAt(), accountMode,
                    current.observed()));
        }
        settle(projection, change, out);
        if (client != null) {
            change.tenantConflict(client);
        }
        commit(projection, change, fact, fact.source(), out);
        if (client != null) {
            settleChannelsOfClient(projection, client, fact.channelId(), fact, out);
        }
    }

    private void permissionChanged(Projection projection, Fact.PermissionChanged fact, FoldOutput out) {
        boolean confirmed = fact.verification() == Verification.CONFIRMED;
        ChannelState existing = projection.channel(fact.channelId());
        Change change = existing == null && !confirmed ? null : channel(projection, fact, fact.channelId());
        projection.put(fact);
        out.permissionFact(fact);
        if (change == null) {
            // Kept until 360dialog reports the channel: user input alone creates no channel.
            return;
        }
        settle(projection, change, out);
        if (confirmed) {
            commit(projection, change, fact, fact.source(), out);
        } else {
            // Unconfirmed, its time is not evidence of the channel: whether it arrived before or after the report
            // that released it, the channel's times must come out the same.
            commit(projection, change, change.current, fact, fact.source(), out);
        }
    }

    private void apiKeyChanged(Projection projection, Fact.ApiKeyChanged fact, FoldOutput out) {
        Change change = channel(projection, fact, fact.channelId());
        Stamp stamp = Stamp.of(fact);
        if (stamp.after(change.current.apiKey().decidedBy())) {
            change.apiKey(new ChannelState.ApiKey(fact.state(), fact.reason(), stamp));
        }
        settle(projection, change, out);
        commit(projection, change, fact, Origin.KEY_PROVISIONER, out);
    }

    /**
     * Brings the parts of a channel that follow from other facts up to date: the client a confirmed permission fact
     * names while 360dialog has not reported one, the tenant of the channel's client, and the permission as the kept
     * permission facts decide it. Notes every permission fact whose verdict turned into one that does not count.
     */
    private void settle(Projection projection, Change change, FoldOutput out) {
        List<Fact.PermissionChanged> facts = projection.permissionFacts(change.current.channelId());
        if (!change.current.identity().clientObserved()) {
            facts.stream().filter(fact -> fact.verification() == Verification.CONFIRMED && fact.clientId() != null)
                    .min(HAPPENED).ifPresent(first -> change.confirmedClient(first.clientId()));
        }
        ClientState client = change.current.clientId() == null ? null : projection.client(change.current.clientId());
        change.tenant(client == null ? null : client.tenantBinding());
        Fact.PermissionChanged deciding = null;
        for (Fact.PermissionChanged fact : facts) {
            PermissionVerdict verdict = PermissionVerdict.of(fact, change.current);
            if (verdict == PermissionVerdict.APPLIES) {
                if (deciding == null || HAPPENED.compare(fact, deciding) > 0) {
                    deciding = fact;
                }
            } else if (verdict != change.verdictBefore(fact)) {
                change.note(fact, verdict, out);
            }
        }
        if (deciding != null) {
            change.permission(new ChannelState.Permission(
                    deciding.granted() ? PermissionState.GRANTED : PermissionState.REVOKED, deciding.source(),
                    Stamp.of(deciding)));
        } else {
            change.permission(defaultPermission(change.current.hubId()));
        }
    }

    /** After a client's binding changed or met a conflict: each of its channels (but {@code except}) follows. */
    private void settleChannelsOfClient(
            Projection projection, ClientOutcome client, String except, Fact fact, FoldOutput out) {
        if (!client.bindingChanged() && client.loser() == null) {
            return;
        }
        for (ChannelState channel : projection.channelsOfClient(client.client().clientId())) {
            if (channel.channelId().equals(except)) {
                continue;
            }
            Change change = change(projection, channel);
            settle(projection, change, out);
            change.tenantConflict(client);
            commitClientChange(projection, change, fact, out);
        }
    }

    private ClientOutcome client(
            Projection projection, Fact fact, String clientId, TenantBinding offered, String name, FoldOutput out) {
        ClientState before = projection.client(clientId);
        if (before == null) {
            ClientState created = new ClientState(clientId, fact.hubId(), offered, name, fact.occurredAt(),
                    fact.occurredAt());
            projection.put(created);
            out.clientChanged(clientId);
            out.publish(new ClientCreated(fact.hubId(), clientId, created.tenant(), name, fact.occurredAt()));
            return new ClientOutcome(created, offered != null, null);
        }
        TenantBinding loser = TenantBinding.loser(before.tenantBinding(), offered);
        if (loser != null) {
            out.conflict(FoldOutput.Conflict.Kind.TENANT, fact.hubId());
        }
        ClientState after = new ClientState(clientId, before.hubId(),
                TenantBinding.first(before.tenantBinding(), offered),
                before.name() != null ? before.name() : name,
                earliest(before.createdAt(), fact.occurredAt()),
                fact.occurredAt());
        if (sameClient(before, after)) {
            return new ClientOutcome(before, false, loser);
        }
        projection.put(after);
        out.clientChanged(clientId);
        return new ClientOutcome(after, !Objects.equals(before.tenantBinding(), after.tenantBinding()), loser);
    }

    /**
     * @param bindingChanged whether the client's tenant binding is another one now
     * @param loser the binding that lost to the client's, if the fact's and the client's named different tenants
     */
    private record ClientOutcome(ClientState client, boolean bindingChanged, TenantBinding loser) {
    }

    private static boolean sameClient(ClientState a, ClientState b) {
        return Objects.equals(a.tenantBinding(), b.tenantBinding())
                && Objects.equals(a.name(), b.name()) && Objects.equals(a.createdAt(), b.createdAt());
    }

    private boolean partnerPays(String hubId) {
        return paymentModes.apply(hubId) == PaymentMode.PARTNER;
    }

    /** A channel's permission while no permission fact counts: the hub's payment mode decides. */
    private ChannelState.Permission defaultPermission(String hubId) {
        return partnerPays(hubId) ? new ChannelState.Permission(PermissionState.GRANTED, Origin.PARTNER_PAYMENT, null)
                : new ChannelState.Permission(PermissionState.MISSING, null, null);
    }

    private static Change change(Projection projection, ChannelState existing) {
        Map<String, PermissionVerdict> verdicts = new HashMap<>();
        for (Fact.PermissionChanged fact : projection.permissionFacts(existing.channelId())) {
            verdicts.put(fact.eventId(), PermissionVerdict.of(fact, existing));
        }
        return new Change(existing, existing, verdicts);
    }

    private Change channel(Projection projection, Fact fact, String channelId) {
        ChannelState existing = projection.channel(channelId);
        if (existing != null) {
            return change(projection, existing);
        }
        ChannelState.Permission permission = defaultPermission(fact.hubId());
        ChannelState fresh = new ChannelState(
                ChannelState.Identity.of(channelId, fact.hubId()),
                ChannelState.HubStatus.UNREPORTED,
                permission,
                new ChannelState.ApiKey(ApiKeyState.NONE, null, null),
                new ChannelState.Times(0, fact.occurredAt(), fact.occurredAt(), fact.occurredAt()));
        Change change = new Change(null, fresh, Map.of());
        if (permission.state() == PermissionState.GRANTED) {
            change.steps.add(new Step(ChangeKind.PERMISSION_GRANTED, null, Origin.wire(permission.source())));
        }
        return change;
    }

    private static void commit(Projection projection, Change change, Fact fact, Origin source, FoldOutput out) {
        ChannelState.Times times = change.current.times();
        ChannelState next = change.current.with(new ChannelState.Times(times.version(),
                earliest(times.createdAt(), fact.occurredAt()), times.updatedAt(),
                latest(times.lastFactAt(), fact.occurredAt())));
        commit(projection, change, next, fact, source, out);
    }

    /** For a fact about the channel's client: it changes what the channel shows, not when the channel was seen. */
    private static void commitClientChange(Projection projection, Change change, Fact fact, FoldOutput out) {
        commit(projection, change, change.current, fact, Origin.CLIENT, out);
    }

    private static void commit(
            Projection projection, Change change, ChannelState updated, Fact fact, Origin source, FoldOutput out) {
        ChannelState before = change.before;
        ChannelState next = updated;
        boolean visible = before == null || change.steps.stream().anyMatch(step -> step.kind.visible);
        if (visible) {
            ChannelState.Times times = next.times();
            next = next.with(new ChannelState.Times(times.version() + 1, times.createdAt(), fact.occurredAt(),
                    times.lastFactAt()));
        }
        if (next.equals(before) && change.steps.isEmpty()) {
            return;
        }
        projection.put(next);
        out.channelChanged(next.channelId());
        ChannelSnapshot snapshot = Snapshots.of(next);
        List<Step> steps = new ArrayList<>(change.steps);
        if (before == null) {
            steps.addFirst(new Step(ChangeKind.CREATED, null, next.hub().status()));
        }
        for (Step step : steps) {
            Step.Cause cause = step.cause != null ? step.cause : new Step.Cause(fact.eventId(), Origin.wire(source),
                    fact.occurredAt());
            out.history(new HistoryEntry(next.channelId(), next.times().version(), step.kind.historyKind, step.from,
                    step.to,
                    cause.eventId(), cause.source(), cause.occurredAt()));
            publishTransition(step, snapshot, fact.occurredAt(), out);
        }
        if (visible) {
            out.publish(snapshot);
        }
    }

    private static void publishTransition(Step step, ChannelSnapshot snapshot, Instant at, FoldOutput out) {
        String hub = snapshot.hubId();
        String channel = snapshot.channelId();
        long version = snapshot.version();
        switch (step.kind) {
            case CREATED -> out.publish(new ChannelCreated(hub, channel, version, at, snapshot));
            case STATUS -> out.publish(new ChannelStatusChanged(hub, channel, step.from, step.to,
                    step.from == null ? null : StageMapping.stage(step.from), StageMapping.stage(step.to), version,
                    at, snapshot));
            case RUNNING -> out.publish(new ChannelRunning(hub, channel, version, at, snapshot));
            case RESTRICTED -> out.publish(new ChannelRestricted(hub, channel, version, at, snapshot));
            case CANCELLATION_REQUESTED -> out.publish(
                    new ChannelCancellationRequested(hub, channel, version, at, snapshot));
            case CANCELLED -> out.publish(new ChannelCancelled(hub, channel, version, at, snapshot));
            case RESTORED -> out.publish(new ChannelRestored(hub, channel, version, at, snapshot));
            case PERMISSION_GRANTED -> out.publish(new ChannelPermissionGranted(hub, channel, version, at, snapshot));
            case PERMISSION_REVOKED -> out.publish(new ChannelPermissionRevoked(hub, channel, version, at, snapshot));
            case DETAILS, TENANT, ACCOUNT_MODE, PERMISSION_SOURCE, API_KEY, STALE_STATUS, PERMISSION_PENDING,
                    CLIENT_CONFLICT, TENANT_CONFLICT -> {
                // Visible in the snapshot and in history; no subscriber reacts to these on their own.
            }
        }
    }

    /** An account goes from sandbox to live, not back; of two unknown modes the greater name wins, for determinism. */
    private static String laterAccountMode(String current, String incoming) {
        if (incoming == null || incoming.equals(current)) {
            return current;
        }
        if (current == null || "live".equals(incoming)) {
            return incoming;
        }
        if ("live".equals(current)) {
            return current;
        }
        return incoming.compareTo(current) > 0 ? incoming : current;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private enum ChangeKind {
        CREATED("channel.created", true),
        STATUS("channel.status-changed", true),
        RUNNING("channel.running", true),
        RESTRICTED("channel.restricted", true),
        CANCELLATION_REQUESTED("channel.cancellation-requested", true),
        CANCELLED("channel.cancelled", true),
        RESTORED("channel.restored", true),
        PERMISSION_GRANTED("channel.permission-granted", true),
        PERMISSION_REVOKED("channel.permission-revoked", true),
        PERMISSION_SOURCE("permission-source", true),
        DETAILS("details", true),
        TENANT("tenant", true),
        ACCOUNT_MODE("account-mode", true),
        API_KEY("api-key", true),
        STALE_STATUS(HistoryEntry.STALE_STATUS, false),
        PERMISSION_PENDING(HistoryEntry.PERMISSION_PENDING, false),
        CLIENT_CONFLICT(HistoryEntry.CLIENT_CONFLICT, false),
        TENANT_CONFLICT(HistoryEntry.TENANT_CONFLICT, false);

        final String historyKind;
        final boolean visible;

        ChangeKind(String historyKind, boolean visible) {
            this.historyKind = historyKind;
            this.visible = visible;
        }

        static ChangeKind of(StatusRule.StageEvent event) {
            return switch (event) {
                case RUNNING -> RUNNING;
                case RESTRICTED -> RESTRICTED;
                case CANCELLATION_REQUESTED -> CANCELLATION_REQUESTED;
                case CANCELLED -> CANCELLED;
                case RESTORED -> RESTORED;
            };
        }
    }

    /** @param cause the fact a note is about, where that is not the fact being folded */
    private record Step(ChangeKind kind, String from, String to, Cause cause) {

        Step(ChangeKind kind, String from, String to) {
            this(kind, from, to, null);
        }

        record Cause(String eventId, String source, Instant occurredAt) {
        }
    }

    /** One fact's effect on one channel, collected before the version is bumped once for all of it. */
    private static final class Change {
        final ChannelState before;
        ChannelState current;
        final List<Step> steps = new ArrayList<>();
        /** How the kept permission facts were judged before this fact, so that only a new verdict is noted. */
        private final Map<String, PermissionVerdict> verdictsBefore;

        Change(ChannelState before, ChannelState current, Map<String, PermissionVerdict> verdictsBefore) {
            this.before = before;
            this.current = current;
            this.verdictsBefore = verdictsBefore;
        }

        PermissionVerdict verdictBefore(Fact.PermissionChanged fact) {
            return verdictsBefore.get(fact.eventId());
        }

        /**
         * 360dialog's report: its client replaces one a permission fact named. Should 360dialog ever name a second
         * client for a channel, the first report stays (360dialog does not move channels between clients).
         */
        void observed(String clientId, String phoneNumber) {
            ChannelState.Identity identity = current.identity();
            boolean replaces = clientId != null && !identity.clientObserved();
            identity(replaces ? clientId : identity.clientId(), identity.clientObserved() || replaces,
                    phoneNumber != null ? phoneNumber : identity.phoneNumber());
        }

        /** The client a confirmed permission fact names, while 360dialog has not reported one. */
        void confirmedClient(String clientId) {
            identity(clientId, false, current.identity().phoneNumber());
        }

        private void identity(String newClient, boolean observed, String newPhone) {
            ChannelState.Identity identity = current.identity();
            boolean sameDetails = Objects.equals(newClient, identity.clientId())
                    && Objects.equals(newPhone, identity.phoneNumber());
            if (sameDetails && observed == identity.clientObserved()) {
                return;
            }
            if (before != null && !sameDetails) {
                steps.add(new Step(ChangeKind.DETAILS, identity.clientId() + " " + identity.phoneNumber(),
                        newClient + " " + newPhone));
            }
            current = current.with(new ChannelState.Identity(identity.channelId(), identity.hubId(), newClient,
                    observed, identity.tenantBinding(), newPhone));
        }

        /** The binding of the channel's client; a channel keeps its tenant when its client has none. */
        void tenant(TenantBinding binding) {
            ChannelState.Identity identity = current.identity();
            if (binding == null || binding.equals(identity.tenantBinding())) {
                return;
            }
            if (before != null && !binding.tenant().equals(identity.tenant())) {
                steps.add(new Step(ChangeKind.TENANT, identity.tenant(), binding.tenant()));
            }
            current = current.with(new ChannelState.Identity(identity.channelId(), identity.hubId(),
                    identity.clientId(), identity.clientObserved(), binding, identity.phoneNumber()));
        }

        /** A binding of the channel's client that lost to its first one: recorded, changing nothing. */
        void tenantConflict(ClientOutcome client) {
            TenantBinding loser = client.loser();
            if (loser == null || !client.client().clientId().equals(current.clientId())) {
                return;
            }
            steps.add(new Step(ChangeKind.TENANT_CONFLICT, client.client().tenant(), loser.tenant(),
                    new Step.Cause(loser.eventId(), loser.source().name().toLowerCase(Locale.ROOT), loser.at())));
        }

        /** A kept permission fact that does not count (any more, or yet). */
        void note(Fact.PermissionChanged fact, PermissionVerdict verdict, FoldOutput out) {
            Step.Cause cause = new Step.Cause(fact.eventId(), Origin.wire(fact.source()), fact.occurredAt());
            String claim = fact.granted() ? "granted" : "revoked";
            switch (verdict) {
                case PENDING -> steps.add(new Step(ChangeKind.PERMISSION_PENDING, fact.clientId(), claim, cause));
                case CLIENT_CONFLICT -> {
                    steps.add(new Step(ChangeKind.CLIENT_CONFLICT, current.clientId(), fact.clientId(), cause));
                    out.conflict(FoldOutput.Conflict.Kind.CLIENT, current.hubId());
                }
                case TENANT_CONFLICT -> {
                    steps.add(new Step(ChangeKind.TENANT_CONFLICT, current.tenant(), fact.tenant(), cause));
                    out.conflict(FoldOutput.Conflict.Kind.TENANT, current.hubId());
                }
                case APPLIES -> {
                    // Counting is what the permission itself shows.
                }
            }
        }

        void status(ChannelState.HubStatus next) {
            String from = current.hub().status();
            String status = next.status();
            if (!Objects.equals(from, status)) {
                steps.add(new Step(ChangeKind.STATUS, from, status));
                for (StatusRule.StageEvent event : StatusRule.events(StageMapping.stage(from),
                        StageMapping.stage(status))) {
                    steps.add(new Step(ChangeKind.of(event), from, status));
                }
            }
            String accountMode = current.hub().accountMode();
            if (before != null && Objects.equals(from, status) && !Objects.equals(accountMode, next.accountMode())) {
                steps.add(new Step(ChangeKind.ACCOUNT_MODE, accountMode, next.accountMode()));
            }
            current = current.with(next);
        }

        void stale(String currentStatus, String replayedStatus) {
            steps.add(new Step(ChangeKind.STALE_STATUS, currentStatus, replayedStatus));
        }

        void permission(ChannelState.Permission next) {
            ChannelState.Permission now = current.permission();
            String from = Origin.wire(now.source());
            String to = Origin.wire(next.source());
            if (next.state() != now.state()) {
                steps.removeIf(step -> step.kind == ChangeKind.PERMISSION_GRANTED);
                steps.add(new Step(next.state() == PermissionState.GRANTED ? ChangeKind.PERMISSION_GRANTED
                        : ChangeKind.PERMISSION_REVOKED, from, to));
            } else if (!Objects.equals(next.source(), now.source())) {
                steps.removeIf(step -> step.kind == ChangeKind.PERMISSION_GRANTED);
                steps.add(new Step(before == null ? ChangeKind.PERMISSION_GRANTED : ChangeKind.PERMISSION_SOURCE,
                        from, to));
            }
            current = current.with(next);
        }

        void apiKey(ChannelState.ApiKey next) {
            ChannelState.ApiKey now = current.apiKey();
            if (next.state() != now.state() || !Objects.equals(next.reason(), now.reason())) {
                steps.add(new Step(ChangeKind.API_KEY, now.state().name(), next.state().name()));
            }
            current = current.with(next);
        }
    }
}
