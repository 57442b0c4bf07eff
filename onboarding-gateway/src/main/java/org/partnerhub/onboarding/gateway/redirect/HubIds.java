package org.partnerhub.onboarding.gateway.redirect;

import java.util.regex.Pattern;

/** The shape of 360dialog's client and channel ids, bounded so that a forged redirect cannot carry anything else. */
final class HubIds {

    static final int MAX_LENGTH = 64;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_LENGTH + "}");

    private HubIds() {
    }

    static boolean isValid(String id) {
        return ID.matcher(id).matches();
    }
}
