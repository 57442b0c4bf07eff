package org.partnerhub.onboarding.state.ingest;

import java.time.Instant;
import java.util.List;

import org.partnerhub.onboarding.events.Event;
import org.partnerhub.onboarding.events.apikey.ApiKeyFailed;
import org.partnerhub.onboarding.events.apikey.ApiKeyProvisioned;
import org.partnerhub.onboarding.events.apikey.ApiKeyRevoked;
import org.partnerhub.onboarding.events.hub.HubChannel;
import org.partnerhub.onboarding.events.hub.HubWebhook;
import org.partnerhub.onboarding.events.hub.PartnerClient;
import org.partnerhub.onboarding.events.permission.ClientLinked;
import org.partnerhub.onboarding.events.permission.PermissionGranted;
import org.partnerhub.onboarding.events.permission.PermissionRevoked;
import org.partnerhub.onboarding.events.permission.Verification;
import org.partnerhub.onboarding.events.state.ApiKeyState;
import org.partnerhub.onboarding.events.state.ChannelStage;
import org.partnerhub.onboarding.state.fold.Fact;
import org.partnerhub.onboarding.state.fold.Origin;
import org.partnerhub.onboarding.state.fold.StageMapping;

/**
 * Turns the events of the three consumed topics, and what the reconciler reads, into facts; events that say nothing
 * about a channel give none. The one place text is normalised on the way in ({@link TextNormaliser}).
 */
public final class FactTranslator {

    private FactTranslator() {
    }

    /** @param recordTime the Kafka record's time, for webhooks that arrive without a receive time */
    public static List<Fact> facts(Event event, Instant recordTime) {
        return normalised(translate(event, recordTime));
    }

    /**
     * What the reconciler read from the Partner API about a channel, as facts.
     *
     * @param source the reconciler's name for itself, as stored and published ({@link Origin#RECONCILER})
     */
    public static List<Fact> reconciled(String eventId, String hubId, HubChannel channel, String source,
            Instant occurredAt) {
        return normalised(List.of(observed(eventId, hubId, channel, Origin.of(source), occurredAt)));
    }

    private static List<Fact> normalised(List<Fact> facts) {
        return facts.stream().flatMap(fact -> TextNormaliser.fact(fact).stream()).toList();
    }

    private static List<Fact> translate(Event event, Instant recordTime) {
        return switch (event) {
            case ClientLinked linked -> List.of(new Fact.ClientSeen(linked.id(), linked.hubId(), linked.clientId(),
                    linked.tenant(), true, null, linked.occurredAt()));
            case PermissionGranted granted -> List.of(new Fact.PermissionChanged(granted.id(), granted.hubId(),
                    granted.channelId(), granted.clientId(), granted.tenant(), true, Origin.of(granted.source()),
                    granted.verification(), granted.occurredAt()));
            case PermissionRevoked revoked -> List.of(new Fact.PermissionChanged(revoked.id(), revoked.hubId(),
                    revoked.channelId(), revoked.clientId(), revoked.tenant(), false, Origin.of(revoked.source()),
                    revoked.verification(), revoked.occurredAt()));
            case ApiKeyProvisioned key -> List.of(new Fact.ApiKeyChanged(key.id(), key.hubId(), key.channelId(),
                    ApiKeyState.PROVISIONED, null, key.occurredAt()));
            case ApiKeyRevoked key -> List.of(new Fact.ApiKeyChanged(key.id(), key.hubId(), key.channelId(),
                    ApiKeyState.REVOKED, key.reason(), key.occurredAt()));
            case ApiKeyFailed key -> List.of(new Fact.ApiKeyChanged(key.id(), key.hubId(), key.channelId(),
                    key.permanent() ? ApiKeyState.FAILED : ApiKeyState.PENDING, key.reason(), key.occurredAt()));
            case HubWebhook.ClientCreated created -> clientCreated(created, recordTime);
            case HubWebhook.ChannelPermissionGranted granted -> permissionWebhook(granted, recordTime);
            case HubWebhook.CancellationRequest request -> endingWebhook(request, recordTime);
            case HubWebhook.CancellationProcessed processed -> endingWebhook(processed, recordTime);
            case HubWebhook.AccountRestriction restriction -> endingWebhook(restriction, recordTime);
            case HubWebhook.AccountViolation violation -> endingWebhook(violation, recordTime);
            case HubWebhook.CancellationRevoke revoke -> revokeWebhook(revoke, recordTime);
            case HubWebhook.ChannelWebhook channel -> statusWebhook(channel, recordTime);
            default -> List.of();
        };
    }

    /** 360dialog's view of a channel as a fact, from a webhook or from the Partner API. */
    private static Fact.StatusObserved observed(
            String eventId, String hubId, HubChannel channel, Origin source, Instant occurredAt) {
        return observed(eventId, hubId, channel, channel.status(), channel.phoneNumber(), source, occurredAt);
    }

    private static Fact.StatusObserved observed(String eventId, String hubId, HubChannel channel, String status,
            String phoneNumber, Origin source, Instant occurredAt) {
        return new Fact.StatusObserved(eventId, hubId, channel.id(), channel.clientId(), status,
                channel.accountMode(), phoneNumber, channel.partnerPayload(), statusTime(channel), source,
                occurredAt);
    }

    private static List<Fact> clientCreated(HubWebhook.ClientCreated webhook, Instant recordTime) {
        PartnerClient client = webhook.client();
        if (client.id() == null) {
            return List.of();
        }
        return List.of(new Fact.ClientSeen(webhook.id(), webhook.hubId(), client.id(), client.partnerPayload(), false,
                client.name(), time(webhook, recordTime)));
    }

    private static List<Fact> statusWebhook(HubWebhook.ChannelWebhook webhook, Instant recordTime) {
        HubChannel channel = webhook.channel();
        if (channel.id() == null) {
            return List.of();
        }
        return List.of(observed(webhook.id(), webhook.hubId(), channel, Origin.WEBHOOK, time(webhook, recordTime)));
    }

    /**
     * Both a grant and, where the body carries one, the channel's status: two facts, told apart by their ids. The grant
     * is 360dialog's own (a signed webhook), so it is confirmed.
     */
    private static List<Fact> permissionWebhook(HubWebhook.ChannelPermissionGranted webhook, Instant recordTime) {
        HubChannel channel = webhook.channel();
        if (channel.id() == null) {
            return List.of();
        }
        Instant at = time(webhook, recordTime);
        Fact grant = new Fact.PermissionChanged(webhook.id(), webhook.hubId(), channel.id(), channel.clientId(), null,
                true, Origin.WEBHOOK, Verification.CONFIRMED, at);
        if (channel.status() == null) {
            return List.of(grant);
        }
        return List.of(grant, observed(webhook.id() + "#status", webhook.hubId(), channel, Origin.WEBHOOK, at));
    }

    /**
     * A cancellation requested or processed, a restriction or a violation: the event itself says the stage. The status
     * of the channel object it carries stands where it says the same stage in 360dialog's words ({@code
     * pending_deletion}, {@code cancelled}, {@code restricted}); otherwise the event's name is the status. An
     * enforcement may name the number only by {@code phone_number}; one naming no channel id says nothing this service
     * can fold.
     */
    private static List<Fact> endingWebhook(HubWebhook webhook, Instant recordTime) {
        HubChannel channel = HubChannel.from(webhook.data());
        if (channel.id() == null) {
            return List.of();
        }
        ChannelStage stage = StageMapping.stage(webhook.event());
        String status = channel.status() != null && StageMapping.stage(channel.status()) == stage
                ? channel.status() : webhook.event();
        String phoneNumber = channel.phoneNumber() != null ? channel.phoneNumber()
                : webhook instanceof HubWebhook.AccountEnforcement enforcement ? enforcement.phoneNumber() : null;
        return List.of(observed(webhook.id(), webhook.hubId(), channel, status, phoneNumber, Origin.WEBHOOK,
                time(webhook, recordTime)));
    }

    /**
     * A cancellation revoked: the channel goes back to the status its channel object reports. Without one, or with one
     * that still says a cancellation, the webhook says where the channel is not, but not where it is: it gives no fact,
     * and the reconciler's next read of the channel settles it.
     */
    private static List<Fact> revokeWebhook(HubWebhook.CancellationRevoke webhook, Instant recordTime) {
        HubChannel channel = HubChannel.from(webhook.data());
        if (channel.id() == null || !StageMapping.known(channel.status())
                || StageMapping.ending(StageMapping.stage(channel.status()))) {
            return List.of();
        }
        return List.of(observed(webhook.id(), webhook.hubId(), channel, Origin.WEBHOOK, time(webhook, recordTime)));
    }

    /** 360dialog stamps only some statuses; where it does, the stamp orders two observations of that status. */
    private static Instant statusTime(HubChannel channel) {
        return channel.terminatedAt() != null ? channel.terminatedAt() : channel.billingStartedAt();
    }

    private static Instant time(HubWebhook webhook, Instant recordTime) {
        return webhook.receivedAt() != null ? webhook.receivedAt() : recordTime;
    }
}
