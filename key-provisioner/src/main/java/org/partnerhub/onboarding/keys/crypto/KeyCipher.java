package org.partnerhub.onboarding.keys.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;

/**
 * AES-GCM encryption (Google Tink's AEAD) of channel API keys under key-encryption keys named by id, so the primary
 * can be rotated while rows written under an older id stay readable. The associated data binds a ciphertext to its
 * row: a ciphertext copied to another channel does not decrypt. The key material arrives as raw base64 bytes from a
 * Secret, which is why Tink's raw-key AES-GCM is used rather than a Tink keyset; Tink picks the nonce. Messages never
 * contain key material or plaintext.
 */
public final class KeyCipher {

    private final String primaryId;
    private final Map<String, Aead> keys;

    public KeyCipher(String primaryId, Map<String, String> base64Keys) {
        Map<String, Aead> decoded = new HashMap<>();
        base64Keys.forEach((id, material) -> decoded.put(id, aesKey(id, material)));
        if (!decoded.containsKey(primaryId)) {
            throw new IllegalArgumentException("onboarding.keys.encryption.primary names key id '" + primaryId
                    + "', but onboarding.keys.encryption.keys has only " + decoded.keySet());
        }
        this.primaryId = primaryId;
        this.keys = Map.copyOf(decoded);
    }

    public Sealed encrypt(String plaintext, String associatedData) {
        try {
            return new Sealed(primaryId, keys.get(primaryId).encrypt(plaintext.getBytes(StandardCharsets.UTF_8),
                    associatedData.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encrypting under key id " + primaryId + " failed", e);
        }
    }

    public String decrypt(Sealed sealed, String associatedData) {
        Aead key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("no key-encryption key with id " + sealed.keyId()
                    + " is configured (onboarding.keys.encryption.keys)");
        }
        try {
            return new String(key.decrypt(sealed.ciphertext(), associatedData.getBytes(StandardCharsets.UTF_8)),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decrypting under key id " + sealed.keyId()
                    + " failed: wrong key or tampered row", e);
        }
    }

    private static Aead aesKey(String id, String base64) {
        byte[] material;
        try {
            material = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("onboarding.keys.encryption.keys." + id + " is not base64");
        }
        if (material.length != 16 && material.length != 32) {
            throw new IllegalArgumentException("onboarding.keys.encryption.keys." + id
                    + " must be 16 or 32 bytes of AES key material, not " + material.length);
        }
        try {
            return new AesGcmJce(material);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("onboarding.keys.encryption.keys." + id + " is not a usable AES key");
        }
    }

    /** A ciphertext (Tink's AES-GCM output: nonce, ciphertext, tag) and the id of the key that made it. */
    public record Sealed(String keyId, byte[] ciphertext) {

        @Override
        public String toString() {
            return "Sealed[keyId=" + keyId + ", " + ciphertext.length + " bytes]";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Sealed that && keyId.equals(that.keyId)
                    && Arrays.equals(ciphertext, that.ciphertext);
        }

        @Override
        public int hashCode() {
            return 31 * keyId.hashCode() + Arrays.hashCode(ciphertext);
        }
    }
}
