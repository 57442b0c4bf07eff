package org.partnerhub.onboarding.state.fold;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.partnerhub.onboarding.events.permission.Verification;
import org.partnerhub.onboarding.events.state.ApiKeyState;

/** One fact about a channel or a client, in the projection's own terms, whichever topic it came from. */
public sealed interface Fact {

    /** The {@code ce_id} of the event the fact came from: applying it a second time changes nothing. */
    String eventId();

    String hubId();

    Instant occurredAt();

    /** 360dialog's view of a channel: from a webhook, or from the Partner API by the reconciler. */
    record StatusObserved(
            String eventId,
            String hubId,
            String channelId,
            String clientId,
            String status,
            String accountMode,
            String phoneNumber,
            String partnerPayload,
            Instant statusAt,
            Origin source,
            Instant occurredAt) implements Fact {
        public StatusObserved {
            Objects.requireNonNull(channelId, "channelId");
        }
    }

    /**
     * The client granted or withdrew the partner's permission to create API keys.
     *
     * @param clientId and {@code tenant}: what the redirect claimed; user input unless 360dialog confirms it
     * @param verification {@code CONFIRMED} when 360dialog listed the channel under the client (the gateway asked the
     *     Partner API, or 360dialog sent it itself); {@code PENDING} counts only once 360dialog reports the channel
     *     under that client
     */
    record PermissionChanged(
            String eventId,
            String hubId,
            String channelId,
            String clientId,
            String tenant,
            boolean granted,
            Origin source,
            Verification verification,
            Instant occurredAt) implements Fact {
        public PermissionChanged {
            Objects.requireNonNull(channelId, "channelId");
            verification = Verification.orPending(verification);
        }
    }

    /**
     * A client became known.
     *
     * @param linked whether the tenant comes from the partner's own flow ({@code client.linked}) rather than from
     *     the {@code partner_payload} 360dialog echoes back
     */
    record ClientSeen(
            String eventId, String hubId, String clientId, String tenant, boolean linked, String name,
            Instant occurredAt) implements Fact {
        public ClientSeen {
            Objects.requireNonNull(clientId, "clientId");
        }
    }

    /** What key-provisioner did with the channel's API key. */
    record ApiKeyChanged(
            String eventId, String hubId, String channelId, ApiKeyState state, String reason, Instant occurredAt)
            implements Fact {
        public ApiKeyChanged {
            Objects.requireNonNull(channelId, "channelId");
        }
    }

    /**
     * Text of another fact held characters PostgreSQL cannot store, replaced by U+FFFD on the way in. It changes
     * nothing and is noted in the history of the channel the fact names, or of the client's channels.
     *
     * @param eventId the normalised fact's id with {@code #normalised}, so that the note is applied once
     * @param factId the normalised fact's id
     * @param fields the names of the fields that were changed
     */
    record TextNormalised(
            String eventId, String hubId, String channelId, String clientId, String factId, List<String> fields,
            Instant occurredAt) implements Fact {

        public TextNormalised {
            fields = List.copyOf(fields);
        }

        public static TextNormalised of(Fact fact, List<String> fields) {
            String channelId = switch (fact) {
                case StatusObserved status -> status.channelId();
                case PermissionChanged permission -> permission.channelId();
                case ApiKeyChanged apiKey -> apiKey.channelId();
                case ClientSeen client -> null;
                case TextNormalised note -> note.channelId();
            };
            String clientId = switch (fact) {
                case StatusObserved status -> status.clientId();
                case PermissionChanged permission -> permission.clientId();
                case ApiKeyChanged apiKey -> null;
                case ClientSeen client -> client.clientId();
                case TextNormalised note -> note.clientId();
            };
            return new TextNormalised(fact.eventId() + "#normalised", fact.hubId(), channelId, clientId,
                    fact.eventId(), fields, fact.occurredAt());
        }
    }
}
