package org.partnerhub.onboarding.keys.store;

import java.util.UUID;

import org.partnerhub.onboarding.keys.crypto.KeyCipher;

/**
 * One attempt at setting a key's messaging webhook, as leased: the values its URL may name, and the key still sealed,
 * decrypted only for the call.
 *
 * @param attempt the attempt's number; only the attempt holding it records an outcome
 */
public record WebhookLease(UUID claimId, String hubId, String channelId, String clientId, String tenant, String keyId,
        String address, KeyCipher.Sealed sealedKey, int attempt) {

    /** What the sealed key is bound to. */
    public String associatedData() {
        return StoredApiKey.associatedData(hubId, channelId, keyId);
    }

    @Override
    public String toString() {
        return "WebhookLease[channel=" + channelId + ", keyId=" + keyId + ", attempt=" + attempt + "]";
    }
}
