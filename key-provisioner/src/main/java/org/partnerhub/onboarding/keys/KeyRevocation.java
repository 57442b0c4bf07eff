package org.partnerhub.onboarding.keys;

import java.util.List;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.partnerhub.onboarding.events.lifecycle.ChannelPermissionRevoked;
import org.partnerhub.onboarding.events.state.ChannelSnapshot;
import org.partnerhub.onboarding.hubapi.HubApiException;
import org.partnerhub.onboarding.hubapi.PartnerApi;
import org.partnerhub.onboarding.keys.store.ClaimLedger;
import org.partnerhub.onboarding.keys.store.KeyToDelete;
import org.partnerhub.onboarding.keys.store.Withdrawal;

import io.smallrye.mutiny.Uni;

/**
 * Withdraws a channel's key when the partner loses permission or the channel ends at 360dialog (cancelled or
 * terminated): first in the database under the claim's lock, so no
 * attempt can store a live key afterwards, then, with {@code onboarding.keys.delete-on-revoke}, at 360dialog. A failed
 * deletion does not undo the withdrawal: the key is no longer handed out either way, and the event says whether it
 * was deleted.
 */
@ApplicationScoped
public class KeyRevocation {

    private static final Logger LOG = Logger.getLogger(KeyRevocation.class);

    @Inject
    ClaimLedger ledger;

    @Inject
    PartnerApi partnerApi;

    public Uni<Void> revoke(ChannelPermissionRevoked event) {
        return withdraw(new Withdrawal(event.hubId(), event.channelId(), event.snapshot().clientId(), event.version(),
                Withdrawal.PERMISSION_REVOKED));
    }

    /** The channel was cancelled or terminated at 360dialog: its key goes exactly as on a revoked permission. */
    public Uni<Void> channelEnded(ChannelSnapshot snapshot, String reason) {
        return withdraw(new Withdrawal(snapshot.hubId(), snapshot.channelId(), snapshot.clientId(), snapshot.version(),
                reason));
    }

    private Uni<Void> withdraw(Withdrawal withdrawal) {
        return ledger.withdraw(withdrawal).chain(this::delete).invoke(() -> LOG.infof(
                "Channel %s: %s; its key is withdrawn", withdrawal.channelId(), withdrawal.reason()));
    }

    /** Deletes withdrawn keys at 360dialog one by one and reports each; safe to repeat (404 counts as deleted). */
    public Uni<Void> delete(List<KeyToDelete> keys) {
        Executor onContext = OnContext.current();
        Uni<Void> done = Uni.createFrom().voidItem();
        for (KeyToDelete key : keys) {
            done = done.chain(() -> deleteAtHub(key).emitOn(onContext)
                    .chain(deleted -> ledger.deletionTried(key, deleted)));
        }
        return done;
    }

    private Uni<Boolean> deleteAtHub(KeyToDelete key) {
        return Uni.createFrom().deferred(() -> partnerApi.hub(key.hubId()).deleteApiKey(key.channelId(), key.keyId()))
                .replaceWith(true)
                .onFailure().recoverWithItem(failure -> {
                    boolean gone = failure instanceof HubApiException hubFailure
                            && hubFailure.status().orElse(0) == 404;
                    if (!gone) {
                        LOG.warnf("Key %s of channel %s stays at 360dialog: %s", key.keyId(), key.channelId(),
                                failure.getMessage());
                    }
                    return gone;
                });
    }
}
