package org.partnerhub.onboarding.state.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** An endpoint as someone might add it without thinking of access: no scope, not public. It must stay closed. */
@Path("/forgotten")
public class ForgottenResource {

    @GET
    public String everything() {
        return "leaked";
    }
}
