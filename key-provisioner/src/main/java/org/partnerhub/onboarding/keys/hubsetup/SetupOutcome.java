package org.partnerhub.onboarding.keys.hubsetup;

/** Where one hub's setup stands on this replica, as {@link HubSetupHealthCheck} shows it. */
sealed interface SetupOutcome {

    /** Waiting for the hub's lock (another replica is setting up) or talking to 360dialog. */
    record InProgress() implements SetupOutcome {
    }

    record Aligned() implements SetupOutcome {
    }

    record Failed(String reason) implements SetupOutcome {
    }
}
