package org.partnerhub.onboarding.hubapi;

/** Repeating the same call will not help: a 4xx such as 400, 403 or 404, rejected credentials, or an unreadable answer. */
public final class PermanentHubApiException extends HubApiException {

    PermanentHubApiException(String message, int status, Throwable cause) {
        super(message, status, cause);
    }
}
