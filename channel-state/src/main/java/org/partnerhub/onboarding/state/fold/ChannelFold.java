package org.partnerhub.onboarding.state.fold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.partnerhub.onboarding.events.lifecycle.ChannelCreated;
import org.partnerhub.onboarding.events.lifecycle.ChannelPermissionGranted;
import org.partnerhub.onboarding.events.lifecycle.ChannelPermissionRevoked;
import org.partnerhub.onboarding.events.lifecycle.ChannelRunning;
import org.partnerhub.onboarding.events.lifecycle.ChannelStatusChanged;
import org.partnerhub.onboarding.events.lifecycle.ClientCreated;
import org.partnerhub.onboarding.events.state.ApiKeyState;
import org.partnerhub.onboarding.events.state.ChannelSnapshot;
import org.partnerhub.onboarding.events.state.ChannelStage;
import org.partnerhub.onboarding.events.state.PermissionState;
import org.partnerhub.onboarding.runtime.hubs.PaymentMode;

/**
 * Folds facts into the projection: pure, no I/O. The rules make the outcome independent of the order in which facts
 * arrive, within a topic and across topics:
 * <ul>
 * <li>an event id is applied once;</li>
 * <li>hub status: the status furthest along the channel's progression wins ({@link StageMapping#rank}), 360dialog's
 * own timestamp breaking ties within a status; anything else is a stale replay, written to history only;</li>
 * <li>permission and API key: the fact that happened last wins, the event id breaking ties;</li>
 * <li>tenant: the partner's own flow beats 360dialog's {@code partner_payload}.</li>
 * </ul>
 * Every visible change bumps the channel's version, appends history and publishes the snapshot with its transitions.
 */
public final class ChannelFold {

    private static final String PARTNER_PAYMENT = "partner-payment";

    private static final Comparator<Instant> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

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
        }
    }

    private void clientSeen(Projection projection, Fact.ClientSeen fact, FoldOutput out) {
        TenantSource source = fact.linked() ? TenantSource.LINK : TenantSource.PAYLOAD;
        ClientState client = client(projection, fact, fact.clientId(), fact.tenant(), source, fact.name(), out);
        if (client.tenant() == null) {
            return;
        }
        for (ChannelState channel : projection.channelsOfClient(fact.clientId())) {
            Change change = new Change(channel);
            change.tenant(client.tenant(), client.tenantSource());
            commitClientChange(projection, change, fact, out);
        }
    }

    private void statusObserved(Projection projection, Fact.StatusObserved fact, FoldOutput out) {
        ClientState client = fact.clientId() == null ? null
                : client(projection, fact, fact.clientId(), fact.partnerPayload(), TenantSource.PAYLOAD, null, out);
        Change change = channel(projection, fact, fact.channelId());
        change.identity(fact.clientId(), fact.phoneNumber());
        change.tenant(fact.partnerPayload(), TenantSource.PAYLOAD);
        if (client != null) {
            change.tenant(client.tenant(), client.tenantSource());
        }
        ChannelState current = change.current;
        int order = compareStatus(fact.status(), fact.statusAt(), current.status(), current.statusAt());
        if (order > 0) {
            change.status(fact.status(), fact.statusAt(), fact.accountMode() != null ? fact.accountMode()
                    : current.accountMode());
        } else if (order == 0) {
            change.status(current.status(), current.statusAt(), laterAccountMode(current.accountMode(),
                    fact.accountMode()));
        } else {
            change.stale(current.status(), fact.status());
        }
        commit(projection, change, fact, fact.source(), out);
    }

    private void permissionChanged(Projection projection, Fact.PermissionChanged fact, FoldOutput out) {
        ClientState client = fact.clientId() == null ? null
                : client(projection, fact, fact.clientId(), fact.tenant(), TenantSource.LINK, null, out);
        Change change = channel(projection, fact, fact.channelId());
        change.identity(fact.clientId(), null);
        change.tenant(fact.tenant(), TenantSource.LINK);
        if (client != null) {
            change.tenant(client.tenant(), client.tenantSource());
        }
        ChannelState current = change.current;
        if (isLater(fact.occurredAt(), fact.eventId(), current.permissionAt(), current.permissionEventId())) {
            change.permission(fact.granted() ? PermissionState.GRANTED : PermissionState.REVOKED, fact.source(),
                    fact.occurredAt(), fact.eventId());
        }
        commit(projection, change, fact, fact.source(), out);
    }

    private void apiKeyChanged(Projection projection, Fact.ApiKeyChanged fact, FoldOutput out) {
        Change change = channel(projection, fact, fact.channelId());
        ChannelState current = change.current;
        if (isLater(fact.occurredAt(), fact.eventId(), current.apiKeyAt(), current.apiKeyEventId())) {
            change.apiKey(fact.state(), fact.reason(), fact.occurredAt(), fact.eventId());
        }
        commit(projection, change, fact, "key-provisioner", out);
    }

    private ClientState client(
            Projection projection, Fact fact, String clientId, String tenant, TenantSource source, String name,
            FoldOutput out) {
        ClientState before = projection.client(clientId);
        ClientState after;
        if (before == null) {
            after = new ClientState(clientId, fact.hubId(), tenant, tenant == null ? null : source, name,
                    fact.occurredAt(), fact.occurredAt());
            out.publish(new ClientCreated(fact.hubId(), clientId, tenant, name, fact.occurredAt()));
        } else {
            boolean strongerTenant = tenant != null && (before.tenant() == null
                    || source.compareTo(before.tenantSource()) > 0);
            after = new ClientState(clientId, before.hubId(),
                    strongerTenant ? tenant : before.tenant(),
                    strongerTenant ? source : before.tenantSource(),
                    before.name() != null ? before.name() : name,
                    earliest(before.createdAt(), fact.occurredAt()),
                    fact.occurredAt());
            if (sameClient(before, after)) {
                return before;
            }
        }
        projection.put(after);
        out.clientChanged(clientId);
        return after;
    }

    private static boolean sameClient(ClientState a, ClientState b) {
        return Objects.equals(a.tenant(), b.tenant()) && a.tenantSource() == b.tenantSource()
                && Objects.equals(a.name(), b.name()) && Objects.equals(a.createdAt(), b.createdAt());
    }

    private Change channel(Projection projection, Fact fact, String channelId) {
        ChannelState existing = projection.channel(channelId);
        if (existing != null) {
            return new Change(existing);
        }
        boolean partnerPays = paymentModes.apply(fact.hubId()) == PaymentMode.PARTNER;
        ChannelState fresh = new ChannelState(channelId, fact.hubId(), null, null, null, null, null, null, null,
                partnerPays ? PermissionState.GRANTED : PermissionState.MISSING,
                partnerPays ? PARTNER_PAYMENT : null, null, null,
                ApiKeyState.NONE, null, null, null,
                0, fact.occurredAt(), fact.occurredAt(), fact.occurredAt());
        Change change = new Change(null, fresh);
        if (partnerPays) {
            change.steps.add(new Step(ChangeKind.PERMISSION_GRANTED, null, PARTNER_PAYMENT));
        }
        return change;
    }

    private static void commit(Projection projection, Change change, Fact fact, String source, FoldOutput out) {
        ChannelState next = change.current.withTimes(
                earliest(change.current.createdAt(), fact.occurredAt()),
                latest(change.current.lastFactAt(), fact.occurredAt()));
        commit(projection, change, next, fact, source, out);
    }

    /** For a fact about the channel's client: it changes what the channel shows, not when the channel was seen. */
    private static void commitClientChange(Projection projection, Change change, Fact fact, FoldOutput out) {
        commit(projection, change, change.current, fact, "client", out);
    }

    private static void commit(
            Projection projection, Change change, ChannelState updated, Fact fact, String source, FoldOutput out) {
        ChannelState before = change.before;
        ChannelState next = updated;
        boolean visible = before == null || change.steps.stream().anyMatch(step -> step.kind.visible);
        if (visible) {
            next = next.nextVersion(fact.occurredAt());
        }
        if (next.equals(before) && change.steps.isEmpty()) {
            return;
        }
        projection.put(next);
        out.channelChanged(next.channelId());
        ChannelSnapshot snapshot = Snapshots.of(next);
        List<Step> steps = new ArrayList<>(change.steps);
        if (before == null) {
            steps.addFirst(new Step(ChangeKind.CREATED, null, next.status()));
        }
        for (Step step : steps) {
            out.history(new HistoryEntry(next.channelId(), next.version(), step.kind.historyKind, step.from, step.to,
                    fact.eventId(), source, fact.occurredAt()));
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
            case PERMISSION_GRANTED -> out.publish(new ChannelPermissionGranted(hub, channel, version, at, snapshot));
            case PERMISSION_REVOKED -> out.publish(new ChannelPermissionRevoked(hub, channel, version, at, snapshot));
            case DETAILS, TENANT, ACCOUNT_MODE, PERMISSION_SOURCE, API_KEY, STALE_STATUS -> {
                // Visible in the snapshot and in history; no subscriber reacts to these on their own.
            }
        }
    }

    /** Positive if status {@code a} is further along than {@code b}. */
    static int compareStatus(String a, Instant aAt, String b, Instant bAt) {
        int byRank = Integer.compare(StageMapping.rank(a), StageMapping.rank(b));
        if (byRank != 0) {
            return byRank;
        }
        int byTime = NULLS_FIRST.compare(aAt, bAt);
        if (byTime != 0) {
            return byTime;
        }
        return Comparator.nullsFirst(Comparator.<String>naturalOrder()).compare(a, b);
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

    private static boolean isLater(Instant at, String eventId, Instant currentAt, String currentEventId) {
        if (currentAt == null) {
            return true;
        }
        int byTime = at.compareTo(currentAt);
        return byTime > 0 || byTime == 0 && eventId.compareTo(currentEventId) > 0;
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
        PERMISSION_GRANTED("channel.permission-granted", true),
        PERMISSION_REVOKED("channel.permission-revoked", true),
        PERMISSION_SOURCE("permission-source", true),
        DETAILS("details", true),
        TENANT("tenant", true),
        ACCOUNT_MODE("account-mode", true),
        API_KEY("api-key", true),
        STALE_STATUS(HistoryEntry.STALE_STATUS, false);

        final String historyKind;
        final boolean visible;

        ChangeKind(String historyKind, boolean visible) {
            this.historyKind = historyKind;
            this.visible = visible;
        }
    }

    private record Step(ChangeKind kind, String from, String to) {
    }

    /** One fact's effect on one channel, collected before the version is bumped once for all of it. */
    private static final class Change {
        final ChannelState before;
        ChannelState current;
        final List<Step> steps = new ArrayList<>();

        Change(ChannelState existing) {
            this(existing, existing);
        }

        Change(ChannelState before, ChannelState current) {
            this.before = before;
            this.current = current;
        }

        void identity(String clientId, String phoneNumber) {
            String newClient = current.clientId() != null ? current.clientId() : clientId;
            String newPhone = phoneNumber != null ? phoneNumber : current.phoneNumber();
            if (Objects.equals(newClient, current.clientId()) && Objects.equals(newPhone, current.phoneNumber())) {
                return;
            }
            if (before != null) {
                steps.add(new Step(ChangeKind.DETAILS, current.clientId() + " " + current.phoneNumber(),
                        newClient + " " + newPhone));
            }
            current = current.withIdentity(newClient, newPhone);
        }

        void tenant(String tenant, TenantSource source) {
            if (tenant == null) {
                return;
            }
            boolean stronger = current.tenant() == null || source.compareTo(current.tenantSource()) > 0;
            if (!stronger) {
                return;
            }
            if (before != null && !tenant.equals(current.tenant())) {
                steps.add(new Step(ChangeKind.TENANT, current.tenant(), tenant));
            }
            current = current.withTenant(tenant, source);
        }

        void status(String status, Instant statusAt, String accountMode) {
            String from = current.status();
            if (!Objects.equals(from, status)) {
                steps.add(new Step(ChangeKind.STATUS, from, status));
                ChannelStage fromStage = StageMapping.stage(from);
                ChannelStage toStage = StageMapping.stage(status);
                if (!StageMapping.usable(fromStage) && StageMapping.usable(toStage)) {
                    steps.add(new Step(ChangeKind.RUNNING, from, status));
                }
            }
            if (before != null && Objects.equals(from, status) && !Objects.equals(current.accountMode(), accountMode)) {
                steps.add(new Step(ChangeKind.ACCOUNT_MODE, current.accountMode(), accountMode));
            }
            current = current.withStatus(status, statusAt, accountMode);
        }

        void stale(String currentStatus, String replayedStatus) {
            steps.add(new Step(ChangeKind.STALE_STATUS, currentStatus, replayedStatus));
        }

        void permission(PermissionState state, String source, Instant at, String eventId) {
            if (state != current.permission()) {
                steps.removeIf(step -> step.kind == ChangeKind.PERMISSION_GRANTED);
                steps.add(new Step(state == PermissionState.GRANTED ? ChangeKind.PERMISSION_GRANTED
                        : ChangeKind.PERMISSION_REVOKED, current.permissionSource(), source));
            } else if (!Objects.equals(source, current.permissionSource())) {
                steps.removeIf(step -> step.kind == ChangeKind.PERMISSION_GRANTED);
                steps.add(new Step(before == null ? ChangeKind.PERMISSION_GRANTED : ChangeKind.PERMISSION_SOURCE,
                        current.permissionSource(), source));
            }
            current = current.withPermission(state, source, at, eventId);
        }

        void apiKey(ApiKeyState state, String reason, Instant at, String eventId) {
            if (state != current.apiKey() || !Objects.equals(reason, current.apiKeyReason())) {
                steps.add(new Step(ChangeKind.API_KEY, current.apiKey().name(), state.name()));
            }
            current = current.withApiKey(state, reason, at, eventId);
        }
    }
}
