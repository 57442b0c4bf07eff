package org.partnerhub.onboarding.gateway.redirect;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses 360dialog's list parameters, {@code channels=[y9MiLoCH,a1b2CH]}: brackets, comma-separated, unquoted.
 * The percent-encoded form ({@code %5By9MiLoCH%5D}) reaches this parser already decoded by the HTTP layer.
 */
public final class IdListParser {

    public static final int MAX_IDS = 100;

    private IdListParser() {
    }

    /**
     * @param name the parameter, for the message
     * @return the ids in their order, each once; empty for {@code []}
     */
    public static List<String> parse(String name, String value) throws MalformedRedirectException {
        if (value.length() < 2 || value.charAt(0) != '[' || value.charAt(value.length() - 1) != ']') {
            throw new MalformedRedirectException(name + " must be a bracketed list such as [abc123,def456]");
        }
        String inner = value.substring(1, value.length() - 1);
        if (inner.isEmpty()) {
            return List.of();
        }
        String[] items = inner.split(",", -1);
        if (items.length > MAX_IDS) {
            throw new MalformedRedirectException(name + " lists more than " + MAX_IDS + " ids");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String item : items) {
            if (!HubIds.isValid(item)) {
                throw new MalformedRedirectException(name + " may only hold ids of 1 to " + HubIds.MAX_LENGTH
                        + " letters, digits, '_' or '-', separated by commas");
            }
            ids.add(item);
        }
        return List.copyOf(ids);
    }
}
