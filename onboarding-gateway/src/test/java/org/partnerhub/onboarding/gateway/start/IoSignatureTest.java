package org.partnerhub.onboarding.gateway.start;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class IoSignatureTest {

    @Test
    void signsPartnerIdPipeUnixSecondsWithHmacSha512InHex() {
        IoSignature signature = IoSignature.sign("platform-secret", "aAbBcCPA", Instant.ofEpochSecond(1775653748));

        assertThat(signature.timestamp()).isEqualTo(1775653748L);
        // Computed independently: Python's hmac.new(b"platform-secret", b"aAbBcCPA|1775653748", sha512).hexdigest()
        assertThat(signature.signature()).isEqualTo("d499e13698aaea360f5e560d0fad1747f79e1ba85fb04a69b6839c45bffcead0"
                + "c43c2af8a8c931ffadcf25bdf6b73681c9a64fd45b4b7ae19e7c824b9fa0570c");
        assertThat(signature.toString()).doesNotContain(signature.signature());
    }

    @Test
    void aSignedPermissionsUrlCarriesSignatureAndTimestampLast() {
        IoSignature signature = IoSignature.sign("platform-secret", "p1", Instant.ofEpochSecond(1700000000));

        URI url = PermissionsUrl.of(URI.create("https://hub.test"), "p1", null, "p.s",
                new Prefill(null, null, null, null, null, false), signature);

        assertThat(url.getRawQuery()).isEqualTo("state=p.s&signature=" + signature.signature() + "&timestamp=1700000000");
    }
}
