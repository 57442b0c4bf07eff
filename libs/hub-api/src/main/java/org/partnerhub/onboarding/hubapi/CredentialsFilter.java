package org.partnerhub.onboarding.hubapi;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

/** Puts a hub's credentials on each request; the token request itself carries none. */
final class CredentialsFilter implements ClientRequestFilter {

    private final HubCredentials credentials;

    CredentialsFilter(HubCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public void filter(ClientRequestContext request) {
        String value = credentials.headerValue();
        if (value != null && !request.getUri().getPath().endsWith("/token")) {
            request.getHeaders().putSingle(credentials.headerName(), value);
        }
    }
}
