package org.partnerhub.onboarding.gateway.start;

/** A start request the gateway will not turn into a flow; the message says which field and why. */
public class InvalidRequestException extends Exception {

    public InvalidRequestException(String message) {
        super(message, null, false, false);
    }
}
