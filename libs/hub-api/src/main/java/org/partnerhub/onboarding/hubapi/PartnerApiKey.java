package org.partnerhub.onboarding.hubapi;

import io.smallrye.mutiny.Uni;

/** The recommended authentication: a static Partner API key in {@code X-API-Key}. */
final class PartnerApiKey implements HubCredentials {

    private final String apiKey;

    PartnerApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    @Override
    public Uni<Void> ready() {
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> renew() {
        return Uni.createFrom().failure(new PermanentHubApiException("the Partner API key was rejected (HTTP 401)",
                401, null));
    }

    @Override
    public String headerName() {
        return "X-API-Key";
    }

    @Override
    public String headerValue() {
        return apiKey;
    }

    @Override
    public String toString() {
        return "PartnerApiKey[***]";
    }
}
