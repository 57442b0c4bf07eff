package org.partnerhub.onboarding.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The configured credentials, each known only by the SHA-256 of its bearer token. A presented token is hashed and
 * compared with every configured digest by {@link MessageDigest#isEqual}, which takes the same time wherever the
 * first difference is, so timing reveals neither a token nor which credential matched.
 */
public final class Credentials {

    private static final String BEARER = "Bearer ";
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /** One credential as configured, before it is checked. */
    public record Configured(String tokenSha256, List<String> hubs, List<String> tenants, List<String> scopes) {
    }

    private record Entry(byte[] digest, Credential credential) {
    }

    private final List<Entry> entries;

    private Credentials(List<Entry> entries) {
        this.entries = entries;
    }

    /**
     * @throws IllegalArgumentException naming the credential and the key that is wrong (never echoing a digest)
     */
    public static Credentials of(Map<String, Configured> configured) {
        Map<String, byte[]> seen = new LinkedHashMap<>();
        List<Entry> entries = configured.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(named -> {
            String name = named.getKey();
            Configured value = named.getValue();
            String prefix = "onboarding.auth.credentials." + name + ".";
            if (value.tokenSha256() == null || !SHA256_HEX.matcher(value.tokenSha256()).matches()) {
                throw new IllegalArgumentException(prefix + "token-sha256 must be 64 lowercase hex characters, the "
                        + "SHA-256 of the bearer token (printf %s \"$TOKEN\" | sha256sum)");
            }
            byte[] digest = HexFormat.of().parseHex(value.tokenSha256());
            seen.forEach((other, otherDigest) -> {
                if (MessageDigest.isEqual(otherDigest, digest)) {
                    throw new IllegalArgumentException(prefix + "token-sha256 is the same as credential " + other
                            + "'s: each credential needs its own token");
                }
            });
            seen.put(name, digest);
            return new Entry(digest, new Credential(name, reach(prefix + "hubs", value.hubs()),
                    reach(prefix + "tenants", value.tenants()), scopes(prefix + "scopes", value.scopes())));
        }).toList();
        return new Credentials(entries);
    }

    /** @return the credential whose token the {@code Authorization} header carries, if any */
    public Optional<Credential> identify(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(BEARER.length()).trim();
        if (token.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = sha256(token);
        Credential match = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.digest(), presented)) {
                match = entry.credential();
            }
        }
        return Optional.ofNullable(match);
    }

    public List<Credential> all() {
        return entries.stream().map(Entry::credential).toList();
    }

    private static Reach reach(String key, List<String> entries) {
        try {
            return Reach.of(entries);
        } catch (IllegalArgumentException wrong) {
            throw new IllegalArgumentException(key + " " + wrong.getMessage(), wrong);
        }
    }

    private static Set<Scope> scopes(String key, List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException(key + " must name at least one scope");
        }
        try {
            return names.stream().map(String::trim).map(Scope::of).collect(Collectors.toSet());
        } catch (IllegalArgumentException wrong) {
            throw new IllegalArgumentException(key + ": " + wrong.getMessage(), wrong);
        }
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }
}
