package org.partnerhub.onboarding.gateway.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.partnerhub.onboarding.gateway.start.InvalidRequestException;

/** Refused start requests as JSON: 400 for a bad request, 401 without a trustworthy tenant. */
class ErrorMappers {

    @ServerExceptionMapper
    Response invalidRequest(InvalidRequestException e) {
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(e.getMessage()))
                .build();
    }

    @ServerExceptionMapper
    Response unauthenticated(UnauthenticatedException e) {
        return Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(e.getMessage()))
                .build();
    }
}
