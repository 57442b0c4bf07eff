package org.partnerhub.onboarding.state.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.TreeSet;

/**
 * The keys of channel-state's PostgreSQL advisory locks: the transaction-scoped ones that serialise folding per channel
 * and per client across replicas, and the session-level one of the reconcilers' leader. A key is the first 64 bits of
 * SHA-256 over a namespaced name ({@code channel-state/channel:<id>}, {@code channel-state/client:<id>},
 * {@code channel-state/reconcile-leader}, {@code channel-state/first-install-import}), so that every replica, of any version, computes the same key for a name, and
 * names of another namespace or kind never share one (but by a 2<sup>-64</sup> accident, which costs only waiting).
 */
public final class AdvisoryLocks {

    private static final String NAMESPACE = "channel-state/";

    private AdvisoryLocks() {
    }

    /** The lock the reconcilers' leader holds. */
    public static long reconcileLeader() {
        return key("reconcile-leader", "");
    }

    /** The lock a first-install import holds while it runs, so that two imports never run at once. */
    public static long firstInstallImport() {
        return key("first-install-import", "");
    }

    /** The lock keys of the channels, in ascending order: the order every transaction takes them in. */
    public static Long[] channels(Collection<String> channelIds) {
        return sorted("channel:", channelIds);
    }

    /** The lock keys of the clients, in ascending order: the order every transaction takes them in. */
    public static Long[] clients(Collection<String> clientIds) {
        return sorted("client:", clientIds);
    }

    private static long key(String kind, String id) {
        byte[] digest = sha256().digest((NAMESPACE + kind + id).getBytes(StandardCharsets.UTF_8));
        long key = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            key = (key << 8) | (digest[i] & 0xff);
        }
        return key;
    }

    private static Long[] sorted(String kind, Collection<String> ids) {
        TreeSet<Long> keys = new TreeSet<>();
        ids.forEach(id -> keys.add(key(kind, id)));
        return keys.toArray(Long[]::new);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
