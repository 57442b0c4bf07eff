package org.partnerhub.onboarding.hubapi;

/** A {@link CallGuard} refused the call: nothing was sent. Passed through as it is, not classified. */
public class CallRefused extends RuntimeException {

    public CallRefused(String reason) {
        super(reason, null, false, false);
    }
}
