package org.partnerhub.onboarding.keys.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

class KeyCipherTest {

    private static final String OLD = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    private static final String NEW = "ZmFrZS10ZXN0LWtleS1mYWtlLXRlc3Qta2V5LTEyMzQ=";

    @Test
    void readsWhatItWroteWithoutKeepingThePlaintext() {
        KeyCipher cipher = new KeyCipher("k2", Map.of("k2", NEW));

        KeyCipher.Sealed sealed = cipher.encrypt("fake-channel-key", "main/ch-1/7");

        assertThat(sealed.keyId()).isEqualTo("k2");
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("fake-channel-key");
        assertThat(cipher.decrypt(sealed, "main/ch-1/7")).isEqualTo("fake-channel-key");
    }

    @Test
    void afterRotationStillReadsRowsOfTheOldKey() {
        KeyCipher.Sealed old = new KeyCipher("k1", Map.of("k1", OLD)).encrypt("fake-channel-key", "ad");

        KeyCipher rotated = new KeyCipher("k2", Map.of("k1", OLD, "k2", NEW));

        assertThat(rotated.decrypt(old, "ad")).isEqualTo("fake-channel-key");
        assertThat(rotated.encrypt("fake-channel-key", "ad").keyId()).isEqualTo("k2");
    }

    @Test
    void refusesACiphertextMovedToAnotherRow() {
        KeyCipher cipher = new KeyCipher("k2", Map.of("k2", NEW));
        KeyCipher.Sealed sealed = cipher.encrypt("fake-channel-key", "main/ch-1/7");

        assertThatThrownBy(() -> cipher.decrypt(sealed, "main/ch-2/7"))
                .hasMessageContaining("wrong key or tampered row").hasMessageNotContaining("fake-channel-key");
    }

    @Test
    void explainsBadConfigurationWithoutPrintingTheKey() {
        assertThatThrownBy(() -> new KeyCipher("k9", Map.of("k2", NEW))).hasMessageContaining("k9")
                .hasMessageNotContaining(NEW);
        assertThatThrownBy(() -> new KeyCipher("k1", Map.of("k1", "c2hvcnQ="))).hasMessageContaining("16 or 32");
    }
}
