package org.partnerhub.onboarding.gateway.start;

/**
 * The optional parameters of 360dialog's permission page; null means "leave it out".
 *
 * @param partner the partner's own reference for the client, stored by 360dialog as {@code partner_payload}
 * @param plan {@code regular} or {@code premium}
 * @param login open the login screen instead of sign-up
 */
public record Prefill(String email, String name, String number, String partner, String plan, boolean login) {
}
