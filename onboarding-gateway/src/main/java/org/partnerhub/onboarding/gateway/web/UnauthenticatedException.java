package org.partnerhub.onboarding.gateway.web;

/** A start request that does not say, in a way we can trust, which tenant it is for. */
class UnauthenticatedException extends Exception {

    UnauthenticatedException(String message) {
        super(message, null, false, false);
    }
}
