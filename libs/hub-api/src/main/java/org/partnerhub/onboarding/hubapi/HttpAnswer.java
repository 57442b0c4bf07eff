package org.partnerhub.onboarding.hubapi;

import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** A non-2xx answer as the REST client saw it, before {@link HubApiErrors} classifies it. */
final class HttpAnswer extends RuntimeException {

    final int status;
    final String retryAfter;
    final String body;

    HttpAnswer(int status, String retryAfter, String body) {
        super("HTTP " + status, null, false, false);
        this.status = status;
        this.retryAfter = retryAfter;
        this.body = body;
    }

    /** Registered on every client so that error answers reach the classifier with status, header and body. */
    static final class Mapper implements ResponseExceptionMapper<HttpAnswer> {

        @Override
        public HttpAnswer toThrowable(Response response) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            return new HttpAnswer(response.getStatus(), response.getHeaderString("Retry-After"), body);
        }

        @Override
        public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
            return status >= 400;
        }
    }

}
