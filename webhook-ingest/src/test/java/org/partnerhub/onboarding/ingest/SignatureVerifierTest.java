package org.partnerhub.onboarding.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class SignatureVerifierTest {

    private static final String CURRENT = "current-secret";
    private static final String PREVIOUS = "previous-secret";
    private static final byte[] BODY =
            "{\"id\":\"evt-1\",\"event\":\"channel_running\",\"data\":{}}".getBytes(StandardCharsets.UTF_8);

    private final SignatureVerifier verifier = new SignatureVerifier(List.of(CURRENT));

    @Test
    void acceptsTheHmacOfTheBodyUnderTheSecret() {
        assertThat(verifier.verify(BODY, Signatures.sign(CURRENT, BODY))).isTrue();
    }

    @Test
    void acceptsUpperCaseHex() {
        assertThat(verifier.verify(BODY, Signatures.sign(CURRENT, BODY).toUpperCase())).isTrue();
    }

    @Test
    void refusesAnInvalidSignature() {
        String valid = Signatures.sign(CURRENT, BODY);
        String flipped = (valid.charAt(0) == '0' ? '1' : '0') + valid.substring(1);

        assertThat(verifier.verify(BODY, flipped)).isFalse();
        assertThat(verifier.verify(BODY, "not hex at all")).isFalse();
        assertThat(verifier.verify(BODY, valid.substring(0, 62))).isFalse();
    }

    @Test
    void refusesAMissingSignature() {
        assertThat(verifier.verify(BODY, null)).isFalse();
        assertThat(verifier.verify(BODY, "")).isFalse();
    }

    @Test
    void refusesASignatureMadeWithAnotherHubsSecret() {
        assertThat(verifier.verify(BODY, Signatures.sign("the-other-hubs-secret", BODY))).isFalse();
    }

    @Test
    void acceptsThePreviousSecretDuringARotationOnly() {
        SignatureVerifier rotating = new SignatureVerifier(List.of(CURRENT, PREVIOUS));

        assertThat(rotating.verify(BODY, Signatures.sign(PREVIOUS, BODY))).isTrue();
        assertThat(rotating.verify(BODY, Signatures.sign(CURRENT, BODY))).isTrue();
        assertThat(verifier.verify(BODY, Signatures.sign(PREVIOUS, BODY))).isFalse();
    }

    @Test
    void refusesABodyChangedByOneByte() {
        String signature = Signatures.sign(CURRENT, BODY);
        byte[] changed = BODY.clone();
        changed[changed.length - 2] ^= 1;

        assertThat(verifier.verify(changed, signature)).isFalse();
    }

    @Test
    void anEmptyBodyVerifiesOnlyWithTheSignatureOfNothing() {
        byte[] empty = new byte[0];

        assertThat(verifier.verify(empty, Signatures.sign(CURRENT, empty))).isTrue();
        assertThat(verifier.verify(empty, Signatures.sign(CURRENT, BODY))).isFalse();
    }
}
