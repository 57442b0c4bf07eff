package org.partnerhub.onboarding.state.importer;

import java.time.Instant;
import java.util.List;

import org.partnerhub.onboarding.events.EventIds;
import org.partnerhub.onboarding.events.hub.HubChannel;
import org.partnerhub.onboarding.state.fold.Fact;
import org.partnerhub.onboarding.state.ingest.FactTranslator;
import org.partnerhub.onboarding.state.ingest.TextNormaliser;
import org.partnerhub.onboarding.state.reconcile.Reconciler;

/**
 * What an import reads, as facts. A channel is folded exactly as a reconciler's Partner API read (source
 * {@code reconcile}, kept for a rebuild); a client as a {@code client_created} webhook's client, so that its
 * {@code partner_payload} binds its tenant as usual.
 *
 * <p>Event ids are derived from the hub and every field read from the object: reading an unchanged object again (an
 * import run twice, or a page read again after a crash between its fold and its cursor) gives the same id, which the
 * fold applies once; an object that changed since is a new observation.
 */
public final class ImportFacts {

    /** The name event ids of imported objects are derived under. */
    static final String ID_TYPE = "import";

    private ImportFacts() {
    }

    /** @param readAt when 360dialog answered: the observation's time, as for the reconciler */
    public static List<Fact> channel(String hubId, HubChannel observed, Instant readAt) {
        if (observed.id() == null) {
            return List.of();
        }
        // A record's text names each of its fields and their values: every field the fold reads is in the id.
        return FactTranslator.reconciled(EventIds.of(ID_TYPE, hubId, "channel", observed.toString()), hubId, observed,
                Reconciler.SOURCE, readAt);
    }

    /** @param partnerPayload absent when the client came without one */
    public static List<Fact> client(String hubId, String clientId, String name, String partnerPayload,
            Instant readAt) {
        return TextNormaliser.fact(new Fact.ClientSeen(EventIds.of(ID_TYPE, hubId, "client", clientId,
                String.valueOf(name), String.valueOf(partnerPayload)), hubId, clientId, partnerPayload, false, name,
                readAt));
    }
}
