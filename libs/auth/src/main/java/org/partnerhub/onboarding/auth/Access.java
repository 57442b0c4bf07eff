package org.partnerhub.onboarding.auth;

import java.util.Optional;

/** The answer to one request's credential: let it through, 401 or 403. Pure, so it is tested without HTTP. */
public sealed interface Access {

    /** @param credential empty for a public endpoint */
    record Granted(Optional<Credential> credential) implements Access {
    }

    record Unauthenticated() implements Access {
    }

    record Forbidden(Credential credential, String reason) implements Access {
    }

    static Access decide(EndpointRule rule, Optional<Credential> caller) {
        return switch (rule) {
            case EndpointRule.Open open -> new Granted(Optional.empty());
            case EndpointRule.Needs needs -> caller.<Access>map(credential -> credential.has(needs.scope())
                    ? new Granted(caller)
                    : new Forbidden(credential, "credential '" + credential.name() + "' lacks the scope "
                            + needs.scope()))
                    .orElseGet(Unauthenticated::new);
            case EndpointRule.Undeclared undeclared -> caller.<Access>map(credential -> new Forbidden(credential,
                    "this endpoint declares no scope, so no credential may call it"))
                    .orElseGet(Unauthenticated::new);
        };
    }
}
