package org.partnerhub.onboarding.gateway.redirect;

/** A redirect whose query is not what 360dialog sends; the message names the parameter and the rule. */
public class MalformedRedirectException extends Exception {

    public MalformedRedirectException(String message) {
        super(message, null, false, false);
    }
}
