package org.partnerhub.onboarding.examples.subscriber;

import java.time.Instant;

/** What key-provisioner's hand-out answered ({@code GET /channels/{id}/api-key}). */
sealed interface Handout {

    /** 200: the key, to be used and kept in the service's own secret store. */
    record Key(String channelId, String apiKey, String address, String appId, Instant createdAt) implements Handout {

        @Override
        public String toString() {
            return "Key[channelId=" + channelId + ", apiKey=***, address=" + address + "]";
        }
    }

    /** 404: no key yet, or the credential may not see the channel's hub or tenant (the answer is the same). */
    record NoKey(String reason) implements Handout {
    }

    /** 410: the key was withdrawn (permission revoked); it must no longer be used. */
    record Withdrawn(String reason) implements Handout {
    }

    /** Anything else after the retries: 401/403 (wrong credential), 5xx, or key-provisioner unreachable. */
    record Failed(String reason) implements Handout {
    }
}
