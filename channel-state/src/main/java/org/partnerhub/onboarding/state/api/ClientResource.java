package org.partnerhub.onboarding.state.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnerhub.onboarding.auth.ApiError;
import org.partnerhub.onboarding.auth.Caller;
import org.partnerhub.onboarding.auth.Credential;
import org.partnerhub.onboarding.auth.RequiresScope;
import org.partnerhub.onboarding.auth.Scope;
import org.partnerhub.onboarding.state.store.ClientRepository;

import io.smallrye.mutiny.Uni;

@Path("/clients")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "clients", description = "360dialog clients and the partner's tenant for each")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No or unknown bearer token",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@APIResponse(responseCode = "403", description = "The credential lacks the scope channels:read",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@RequiresScope(Scope.CHANNELS_READ)
public class ClientResource {

    @Inject
    ClientRepository clients;

    @Inject
    Caller caller;

    @GET
    @Path("/{id}")
    @Operation(summary = "One client")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ClientView.class)))
    @APIResponse(responseCode = "404", description = "No such client, or none the credential may see",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<Response> client(@PathParam("id") String id) {
        Credential credential = caller.credential();
        // Outside the credential's hubs and tenants a client answers like an unknown one.
        return clients.client(id).map(client -> client != null && credential.sees(client.hubId(), client.tenant())
                ? Response.ok(ClientView.of(client)).build()
                : Responses.notFound("client", id));
    }
}
