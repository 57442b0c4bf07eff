package org.partnerhub.onboarding.gateway.redirect;

import java.util.List;
import java.util.Map;

/** Reads the query of {@code GET /onboarding/redirect} into a {@link Redirect}, or says what is wrong with it. */
public final class RedirectParser {

    private RedirectParser() {
    }

    /** A redirect that must carry a {@code state}. @param query the decoded query parameters, each with every value */
    public static Redirect parse(Map<String, List<String>> query) throws MalformedRedirectException {
        Redirect redirect = parseStateOptional(query);
        if (!redirect.hasState()) {
            throw new MalformedRedirectException("state is missing");
        }
        return redirect;
    }

    /** A redirect whose {@code state} may be absent (360dialog's Direct Link); an empty one is still malformed. */
    public static Redirect parseStateOptional(Map<String, List<String>> query) throws MalformedRedirectException {
        String client = single(query, "client");
        if (client == null) {
            throw new MalformedRedirectException("client is missing");
        }
        if (!HubIds.isValid(client)) {
            throw new MalformedRedirectException("client must be 1 to " + HubIds.MAX_LENGTH
                    + " letters, digits, '_' or '-'");
        }
        String state = single(query, "state");
        if (state != null && state.isEmpty()) {
            throw new MalformedRedirectException("state is missing");
        }
        List<String> channels = list(query, "channels");
        List<String> revoked = list(query, "revoked");
        if (channels.stream().anyMatch(revoked::contains)) {
            throw new MalformedRedirectException("a channel cannot be both in channels and in revoked");
        }
        return new Redirect(client, channels, revoked, state);
    }

    private static List<String> list(Map<String, List<String>> query, String name)
            throws MalformedRedirectException {
        String value = single(query, name);
        return value == null ? List.of() : IdListParser.parse(name, value);
    }

    /** A parameter given twice is ambiguous, and 360dialog never does it: reject rather than pick one. */
    private static String single(Map<String, List<String>> query, String name) throws MalformedRedirectException {
        List<String> values = query.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw new MalformedRedirectException(name + " is given more than once");
        }
        return values.isEmpty() ? null : values.getFirst();
    }
}
