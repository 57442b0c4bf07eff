package org.partnerhub.onboarding.keys.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.partnerhub.onboarding.hubapi.ChannelApiKey;

/**
 * After an attempt whose outcome is unknown (a crash or a timeout after the POST), decides whether a key listed at
 * 360dialog is the one that attempt created. Only a key that reveals its secret can be adopted; when none can be,
 * the caller creates a new key, which revokes the unknown one at 360dialog, so there is still one live key.
 */
public final class KeyAdoption {

    /** Tolerated difference between 360dialog's clock and ours. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private KeyAdoption() {
    }

    /**
     * @param claimedAt when the claim was taken, before any of its attempts
     */
    public static Optional<ChannelApiKey> pick(List<ChannelApiKey> listed, Instant claimedAt) {
        List<ChannelApiKey> usable = listed.stream().filter(ChannelApiKey::revealsSecret).toList();
        if (usable.stream().allMatch(key -> key.createdAt() == null)) {
            // Without times we can only tell when there is exactly one candidate.
            return usable.size() == 1 ? Optional.of(usable.getFirst()) : Optional.empty();
        }
        Instant notBefore = claimedAt.minus(CLOCK_SKEW);
        return usable.stream()
                .filter(key -> key.createdAt() != null && !key.createdAt().isBefore(notBefore))
                .max(Comparator.comparing(ChannelApiKey::createdAt));
    }
}
