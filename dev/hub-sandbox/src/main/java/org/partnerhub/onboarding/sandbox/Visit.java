package org.partnerhub.onboarding.sandbox;

import java.util.List;

/**
 * One client's pass through the permission page, from sign-up or login to the redirect.
 *
 * @param redirectUrl where the browser goes at the end (the query's {@code redirect_url} or the partner's setting)
 * @param state the partner's opaque value, echoed in the redirect; null when the flow had none
 * @param numbers numbers still to connect (after the price page, on a Direct Payment hub)
 * @param connected channels connected in this visit, offered pre-selected
 */
record Visit(String id, String partnerId, String clientId, String redirectUrl, String state, List<String> numbers,
        List<String> connected) {

    Visit {
        numbers = List.copyOf(numbers);
        connected = List.copyOf(connected);
    }

    /** Direct Payment clients see the price page before their new numbers are connected. */
    boolean awaitsPayment(PaymentMode mode) {
        return mode == PaymentMode.DIRECT && !numbers.isEmpty();
    }

    Visit connected(List<String> channelIds) {
        return new Visit(id, partnerId, clientId, redirectUrl, state, List.of(), channelIds);
    }
}
