package org.partnerhub.onboarding.state.store;

/**
 * A channel of the batch moved to a client the transaction had not locked, between reading its client and locking the
 * channel. The transaction is rolled back and tried again; the next attempt reads the channel's new client first.
 */
public final class StaleLocks extends RuntimeException {

    StaleLocks(String channelId, String clientId) {
        super("channel " + channelId + " moved to client " + clientId + " while its locks were taken", null, false,
                false);
    }
}
