package org.partnerhub.onboarding.gateway.verify;

/** The Partner API could not vouch for a redirect in time; nothing may be published, a reload may succeed. */
public class PartnerApiUnavailableException extends Exception {

    public PartnerApiUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
