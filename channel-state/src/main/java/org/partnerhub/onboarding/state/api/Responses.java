package org.partnerhub.onboarding.state.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.partnerhub.onboarding.auth.ApiError;

public final class Responses {

    private Responses() {
    }

    public static Response notFound(String what, String id) {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError("no " + what + " with id '" + id + "'")).build();
    }

    public static Response badRequest(String reason) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(reason)).build();
    }
}
