package org.partnerhub.onboarding.gateway.publish;

/** The broker did not acknowledge every record of a redirect in time; none of it may be reported as done. */
public class PublishFailedException extends Exception {

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
