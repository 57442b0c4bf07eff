package org.partnerhub.onboarding.sandbox;

/** A channel's way from sign-up to live, in order, with the webhook that announces each step. */
enum Stage {
    CREATED("channel_created", "created", "sandbox", "pending"),
    SUBMITTED("channel_submitted", "submitted", "sandbox", "pending"),
    READY("channel_ready", "ready", "sandbox", "verified"),
    RUNNING("channel_running", "running", "live", "verified"),
    LIVE("channel_live", "live", "live", "verified");

    private final String event;
    private final String status;
    private final String accountMode;
    private final String fbAccountStatus;

    Stage(String event, String status, String accountMode, String fbAccountStatus) {
        this.event = event;
        this.status = status;
        this.accountMode = accountMode;
        this.fbAccountStatus = fbAccountStatus;
    }

    String event() {
        return event;
    }

    String status() {
        return status;
    }

    String accountMode() {
        return accountMode;
    }

    String fbAccountStatus() {
        return fbAccountStatus;
    }

    /** API keys can be created from {@code running} on. */
    boolean acceptsApiKeys() {
        return compareTo(RUNNING) >= 0;
    }

    boolean isLast() {
        return this == values()[values().length - 1];
    }

    Stage next() {
        return values()[ordinal() + 1];
    }
}
