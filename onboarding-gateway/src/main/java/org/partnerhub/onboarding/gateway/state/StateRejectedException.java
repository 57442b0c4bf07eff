package org.partnerhub.onboarding.gateway.state;

/** A {@code state} that does not vouch for a flow; the message says why, never what the secret is. */
public class StateRejectedException extends Exception {

    /** Why, as a metric tag. */
    public enum Reason {
        INVALID("invalid-state"),
        EXPIRED("expired-state"),
        UNKNOWN_HUB("unknown-hub");

        private final String tag;

        Reason(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    private final Reason reason;

    public StateRejectedException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
