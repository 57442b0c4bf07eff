package org.partnerhub.onboarding.keys.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM encryption of channel API keys under key-encryption keys named by id, so the primary can be rotated while
 * rows written under an older id stay readable. The associated data binds a ciphertext to its row: a ciphertext
 * copied to another channel does not decrypt. The JDK's AES-GCM is used because the key material arrives as raw
 * base64 bytes from a Secret, not as a Tink keyset. Messages never contain key material or plaintext.
 */
public final class KeyCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String primaryId;
    private final Map<String, SecretKey> keys;
    private final SecureRandom random = new SecureRandom();

    public KeyCipher(String primaryId, Map<String, String> base64Keys) {
        Map<String, SecretKey> decoded = new HashMap<>();
        base64Keys.forEach((id, material) -> decoded.put(id, aesKey(id, material)));
        if (!decoded.containsKey(primaryId)) {
            throw new IllegalArgumentException("onboarding.keys.encryption.primary names key id '" + primaryId
                    + "', but onboarding.keys.encryption.keys has only " + decoded.keySet());
        }
        this.primaryId = primaryId;
        this.keys = Map.copyOf(decoded);
    }

    public Sealed encrypt(String plaintext, String associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(primaryId), nonce, associatedData);
            byte[] encrypted = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + encrypted.length);
            System.arraycopy(encrypted, 0, out, NONCE_BYTES, encrypted.length);
            return new Sealed(primaryId, out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encrypting under key id " + primaryId + " failed", e);
        }
    }

    public String decrypt(Sealed sealed, String associatedData) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("no key-encryption key with id " + sealed.keyId()
                    + " is configured (onboarding.keys.encryption.keys)");
        }
        byte[] bytes = sealed.ciphertext();
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(bytes, NONCE_BYTES), associatedData);
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decrypting under key id " + sealed.keyId()
                    + " failed: wrong key or tampered row", e);
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String associatedData)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static SecretKey aesKey(String id, String base64) {
        byte[] material;
        try {
            material = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("onboarding.keys.encryption.keys." + id + " is not base64");
        }
        if (material.length != 16 && material.length != 24 && material.length != 32) {
            throw new IllegalArgumentException("onboarding.keys.encryption.keys." + id
                    + " must be 16, 24 or 32 bytes of AES key material, not " + material.length);
        }
        return new SecretKeySpec(material, "AES");
    }

    /** A ciphertext (nonce followed by the GCM output) and the id of the key that made it. */
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
