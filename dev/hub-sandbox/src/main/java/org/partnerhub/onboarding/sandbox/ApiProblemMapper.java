package org.partnerhub.onboarding.sandbox;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers like 360dialog: {@code {"meta": {"success": false, "http_code", "developer_message", "details"}}}. */
public class ApiProblemMapper {

    @ServerExceptionMapper
    public Response map(ApiProblem problem) {
        return answer(problem.status(), problem.getMessage());
    }

    static Response answer(int status, String developerMessage) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("meta", Map.of("success", false, "http_code", status,
                        "developer_message", developerMessage, "details", List.of())))
                .build();
    }
}
