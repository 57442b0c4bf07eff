package org.partnerhub.onboarding.gateway.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Issues and verifies the flow's {@code state}: {@code base64url(json).base64url(HMAC-SHA256(json))}. It is opaque
 * to 360dialog, which echoes it back; the signature makes hub, tenant, nonce and expiry unforgeable. Verification
 * accepts the current and the previous secret, so a secret can be rotated without breaking flows in progress.
 */
public final class StateSigner {

    /** Below this an HMAC-SHA256 key is weaker than the hash. */
    public static final int MIN_SECRET_BYTES = 32;
    /** A bound on work done for input that is not ours; ours are a few hundred characters. */
    private static final int MAX_TOKEN_LENGTH = 2048;
    private static final String HMAC = "HmacSHA256";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final List<SecretKeySpec> keys;
    private final Duration ttl;
    private final Set<String> knownHubs;
    private final Clock clock;

    /**
     * @param secrets the signing secret first, then the secret before the last rotation (if any)
     */
    public StateSigner(List<String> secrets, Duration ttl, Set<String> knownHubs, Clock clock) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a state secret is required");
        }
        this.keys = secrets.stream().map(StateSigner::key).toList();
        this.ttl = ttl;
        this.knownHubs = Set.copyOf(knownHubs);
        this.clock = clock;
    }

    public SignedState issue(String hubId, String tenant) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        // Whole seconds, as the token carries it, so the issued state equals the verified one.
        FlowState state = new FlowState(hubId, tenant, BASE64URL.encodeToString(nonce),
                clock.instant().plus(ttl).truncatedTo(ChronoUnit.SECONDS));
        byte[] payload = encode(state);
        String token = BASE64URL.encodeToString(payload) + "." + BASE64URL.encodeToString(mac(keys.getFirst(), payload));
        return new SignedState(state, token);
    }

    public FlowState verify(String token) throws StateRejectedException {
        byte[] payload = authenticatedPayload(token);
        FlowState state = decode(payload);
        if (!clock.instant().isBefore(state.expiresAt())) {
            throw new StateRejectedException(StateRejectedException.Reason.EXPIRED,
                    "this sign-up link has expired");
        }
        if (!knownHubs.contains(state.hubId())) {
            throw new StateRejectedException(StateRejectedException.Reason.UNKNOWN_HUB,
                    "the Partner Hub of this sign-up is not configured here");
        }
        return state;
    }

    private byte[] authenticatedPayload(String token) throws StateRejectedException {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw invalid();
        }
        int dot = token.indexOf('.');
        if (dot < 0 || dot != token.lastIndexOf('.')) {
            throw invalid();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = BASE64URL_DECODER.decode(token.substring(0, dot));
            signature = BASE64URL_DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        for (SecretKeySpec key : keys) {
            if (MessageDigest.isEqual(mac(key, payload), signature)) {
                return payload;
            }
        }
        throw invalid();
    }

    private static FlowState decode(byte[] payload) throws StateRejectedException {
        try {
            Claims claims = JSON.readValue(payload, Claims.class);
            return new FlowState(claims.hub(), claims.tenant(), claims.nonce(), Instant.ofEpochSecond(claims.exp()));
        } catch (IOException | RuntimeException e) {
            // Only a payload we signed ourselves gets here, so this is a format change, not an attack.
            throw invalid();
        }
    }

    private static byte[] encode(FlowState state) {
        try {
            return JSON.writeValueAsBytes(new Claims(state.hubId(), state.tenant(), state.nonce(),
                    state.expiresAt().getEpochSecond()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a flow state", e);
        }
    }

    private static StateRejectedException invalid() {
        return new StateRejectedException(StateRejectedException.Reason.INVALID,
                "this sign-up link is not valid (it was altered or not issued here)");
    }

    private static SecretKeySpec key(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("a state secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        return new SecretKeySpec(bytes, HMAC);
    }

    private static byte[] mac(SecretKeySpec key, byte[] payload) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime must provide " + HMAC, e);
        }
    }

    /** The signed JSON: short names, because the whole token travels in URLs. */
    private record Claims(String hub, String tenant, String nonce, long exp) {
    }
}
