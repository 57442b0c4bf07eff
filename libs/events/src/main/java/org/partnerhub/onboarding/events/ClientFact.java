package org.partnerhub.onboarding.events;

/** A fact about one 360dialog client: keyed by, and about, the client id. */
public interface ClientFact extends Event {

    String clientId();

    @Override
    default String key() {
        return clientId();
    }

    @Override
    default String subject() {
        return clientId();
    }
}
