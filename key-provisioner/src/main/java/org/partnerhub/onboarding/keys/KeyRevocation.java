package org.partnerhub.onboarding.keys;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.partnerhub.onboarding.events.lifecycle.ChannelPermissionRevoked;
import org.partnerhub.onboarding.hubapi.HubApiException;
import org.partnerhub.onboarding.hubapi.PartnerApi;
import org.partnerhub.onboarding.keys.store.ClaimLedger;

import io.smallrye.mutiny.Uni;

/**
 * Withdraws a channel's key when the partner loses permission; with {@code onboarding.keys.delete-on-revoke} it is
 * also deleted at 360dialog first. A failed deletion does not stop the withdrawal: the key is no longer handed out
 * either way, and the event says whether it was deleted.
 */
@ApplicationScoped
public class KeyRevocation {

    private static final Logger LOG = Logger.getLogger(KeyRevocation.class);

    @Inject
    ClaimLedger ledger;

    @Inject
    PartnerApi partnerApi;

    @Inject
    KeysConfig config;

    public Uni<Void> revoke(ChannelPermissionRevoked event) {
        return ledger.liveKeyId(event.hubId(), event.channelId())
                .chain(keyId -> deleteAtHub(event, keyId))
                .chain(deleted -> ledger.revoke(event, deleted))
                .invoke(() -> LOG.infof("Permission for channel %s revoked; its key is withdrawn", event.channelId()));
    }

    private Uni<Boolean> deleteAtHub(ChannelPermissionRevoked event, Optional<String> keyId) {
        if (!config.deleteOnRevoke() || keyId.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        return partnerApi.hub(event.hubId()).deleteApiKey(event.channelId(), keyId.get())
                .replaceWith(true)
                .onFailure(HubApiException.class).recoverWithItem(failure -> {
                    boolean gone = ((HubApiException) failure).status().orElse(0) == 404;
                    if (!gone) {
                        LOG.warnf("Key %s of channel %s stays at 360dialog: %s", keyId.get(), event.channelId(),
                                failure.getMessage());
                    }
                    return gone;
                });
    }
}
