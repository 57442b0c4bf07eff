package org.partnerhub.onboarding.sandbox;

/**
 * Where a channel stands apart from its onboarding {@link Stage}: Meta's restriction and the client's cancellation.
 * While {@link #ACTIVE} the channel shows its stage's status; otherwise this standing's status, until it is lifted or
 * revoked and the stage's status (the one before) shows again.
 */
enum Standing {
    ACTIVE(null),
    RESTRICTED("restricted"),
    PENDING_DELETION("pending_deletion"),
    CANCELLED("cancelled");

    private final String status;

    Standing(String status) {
        this.status = status;
    }

    /** 360dialog's status for a channel at this stage in this standing. */
    String status(Stage stage) {
        return status == null ? stage.status() : status;
    }
}
