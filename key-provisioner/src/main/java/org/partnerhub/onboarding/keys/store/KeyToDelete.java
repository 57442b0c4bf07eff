package org.partnerhub.onboarding.keys.store;

import java.util.UUID;

/** A withdrawn key that is to be deleted at 360dialog ({@code onboarding.keys.delete-on-revoke}). */
public record KeyToDelete(UUID claimId, String hubId, String channelId, String keyId) {

    static KeyToDelete of(StoredApiKey key) {
        return new KeyToDelete(key.claimId, key.hubId, key.channelId, key.keyId);
    }
}
