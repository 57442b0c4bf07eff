package org.partnerhub.onboarding.gateway.redirect;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.partnerhub.onboarding.events.hub.HubChannel;
import org.partnerhub.onboarding.events.hub.PartnerClient;
import org.partnerhub.onboarding.events.permission.Verification;

/**
 * Turns a redirect's ids, which the browser controls, into facts: decides from the Partner API's answers whether the
 * client is this partner's and the flow's tenant's, and whether each channel is that client's. No I/O: the caller
 * asks the Partner API and hands the answers in.
 */
public final class OwnershipCheck {

    private OwnershipCheck() {
    }

    /** What the Partner API said about one redirect. */
    public record Answers(
            Optional<PartnerClient> client,
            List<HubChannel> clientChannels,
            Map<String, Optional<HubChannel>> unlistedLookups) {

        public Answers {
            clientChannels = List.copyOf(clientChannels);
            unlistedLookups = Map.copyOf(unlistedLookups);
        }
    }

    public sealed interface Outcome permits Verified, Refused {
    }

    /**
     * @param tenant the flow's tenant, or for a redirect without state the client's {@code partner_payload}
     * @param verification per channel of the redirect (granted and revoked), in the redirect's order
     */
    public record Verified(String tenant, Map<String, Verification> verification) implements Outcome {

        public Verified {
            verification = Collections.unmodifiableMap(new LinkedHashMap<>(verification));
        }
    }

    public record Refused(Reason reason, String message) implements Outcome {
    }

    /** Why a redirect is refused, as a metric tag. */
    public enum Reason {
        UNKNOWN_CLIENT("unknown-client"),
        FOREIGN_CLIENT("foreign-client"),
        FOREIGN_CHANNEL("foreign-channel"),
        NO_TENANT("no-tenant"),
        UNCONFIRMED_CHANNEL("unconfirmed-channel");

        private final String tag;

        Reason(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    /** The redirect's channel ids the client's listing does not hold: each is then looked up by its id. */
    public static Set<String> unlisted(Redirect redirect, List<HubChannel> clientChannels) {
        Set<String> listed = clientChannels.stream()
                .filter(channel -> channel.clientId() == null || redirect.clientId().equals(channel.clientId()))
                .map(HubChannel::id)
                .collect(Collectors.toSet());
        return ids(redirect).stream().filter(id -> !listed.contains(id))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * @param flowTenant the tenant the signed state vouches for; empty for a redirect without state, which is then
     *     bound to the client's {@code partner_payload} only, and only once 360dialog lists every channel
     */
    public static Outcome decide(Redirect redirect, Optional<String> flowTenant, Answers answers) {
        String clientId = redirect.clientId();
        if (answers.client().isEmpty()) {
            return new Refused(Reason.UNKNOWN_CLIENT, "360dialog knows no client " + clientId + " of this partner");
        }
        Optional<String> payload = Optional.ofNullable(answers.client().get().partnerPayload());
        String tenant;
        if (flowTenant.isPresent()) {
            if (payload.isPresent() && !payload.get().equals(flowTenant.get())) {
                return new Refused(Reason.FOREIGN_CLIENT, "client " + clientId
                        + " belongs to another customer; sign up or log in with your own account");
            }
            tenant = flowTenant.get();
        } else if (payload.isPresent()) {
            tenant = payload.get();
        } else {
            return new Refused(Reason.NO_TENANT, "client " + clientId + " signed up without a customer reference, "
                    + "so this sign-up cannot be matched to an account; please start it from the partner's page");
        }
        Map<String, Verification> verification = new LinkedHashMap<>();
        for (String channel : ids(redirect)) {
            Optional<String> owner = owner(channel, clientId, answers);
            if (owner.isPresent() && !owner.get().equals(clientId)) {
                return new Refused(Reason.FOREIGN_CHANNEL, "channel " + channel + " belongs to another client, not to "
                        + clientId);
            }
            verification.put(channel, owner.isPresent() ? Verification.CONFIRMED : Verification.PENDING);
        }
        if (flowTenant.isEmpty() && verification.containsValue(Verification.PENDING)) {
            String pending = verification.entrySet().stream().filter(e -> e.getValue() == Verification.PENDING)
                    .map(Map.Entry::getKey).collect(Collectors.joining(", "));
            return new Refused(Reason.UNCONFIRMED_CHANNEL, "360dialog does not list channel " + pending
                    + " under client " + clientId + " yet; please reload this page in a minute");
        }
        return new Verified(tenant, verification);
    }

    /**
     * The client 360dialog lists the channel under; empty while it lists the channel nowhere. The client's own
     * listing was filtered by client, so an entry there without a client field is still that client's.
     */
    private static Optional<String> owner(String channel, String clientId, Answers answers) {
        Optional<HubChannel> listed = answers.clientChannels().stream()
                .filter(candidate -> candidate.id().equals(channel)).findFirst();
        if (listed.isPresent()) {
            return Optional.of(Optional.ofNullable(listed.get().clientId()).orElse(clientId));
        }
        return answers.unlistedLookups().getOrDefault(channel, Optional.empty()).map(HubChannel::clientId);
    }

    private static List<String> ids(Redirect redirect) {
        return Stream.concat(redirect.channels().stream(), redirect.revoked().stream()).toList();
    }
}
