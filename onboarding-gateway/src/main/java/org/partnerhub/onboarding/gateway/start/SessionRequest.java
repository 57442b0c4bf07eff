package org.partnerhub.onboarding.gateway.start;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a partner's frontend asks for when it starts a flow ({@code POST /onboarding/sessions}, or the query of
 * {@code GET /onboarding/start}). Everything but the hub is optional.
 */
public record SessionRequest(
        String hub, String email, String name, String number, String partnerPayload, String plan, Boolean login) {

    private static final Set<String> PLANS = Set.of("regular", "premium");
    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+?[0-9][0-9 ()-]{3,30}");
    private static final int MAX_TEXT = 256;

    /**
     * Checks the fields and fills the defaults: {@code partner} falls back to the tenant, so that 360dialog's
     * {@code partner_payload} ties the client to the tenant even if the redirect never reaches us.
     */
    public Prefill prefill(String tenant) throws InvalidRequestException {
        if (plan != null && !PLANS.contains(plan)) {
            throw new InvalidRequestException("plan must be one of " + PLANS.stream().sorted().toList());
        }
        if (number != null && !PHONE_NUMBER.matcher(number).matches()) {
            throw new InvalidRequestException("number must be a phone number, e.g. +4915112345678");
        }
        if (email != null && (!email.contains("@") || email.length() > MAX_TEXT)) {
            throw new InvalidRequestException("email must be an e-mail address");
        }
        text("name", name);
        text("partnerPayload", partnerPayload);
        return new Prefill(email, name, number, partnerPayload == null ? tenant : partnerPayload, plan,
                Boolean.TRUE.equals(login));
    }

    private static void text(String field, String value) throws InvalidRequestException {
        if (value != null && (value.length() > MAX_TEXT || value.chars().anyMatch(Character::isISOControl))) {
            throw new InvalidRequestException(field + " must be at most " + MAX_TEXT
                    + " characters without control characters");
        }
    }
}
