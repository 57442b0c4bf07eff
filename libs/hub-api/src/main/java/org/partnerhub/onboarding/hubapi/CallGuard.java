package org.partnerhub.onboarding.hubapi;

import java.time.Duration;

import io.smallrye.mutiny.Uni;

/**
 * The caller's last word on a call, asked once the call holds a slot and its credentials are ready (after any
 * re-login), immediately before the request is sent: it says how long the call may take, or fails with
 * {@link CallRefused} to not send it. Waiting for the slot and logging in therefore count against whatever the
 * guard checks (a key attempt's lease).
 */
@FunctionalInterface
public interface CallGuard {

    /** @return the bound of the call about to be sent (capped at {@code onboarding.hub-api.timeout-ceiling}) */
    Uni<Duration> admit();
}
