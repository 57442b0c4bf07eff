package org.partnerhub.onboarding.hubapi;

import io.smallrye.mutiny.Uni;

/** How one hub authenticates to the Partner API; secrets stay inside and are only ever written into a header. */
sealed interface HubCredentials permits PartnerApiKey, LoginToken {

    /** Completes once {@link #headerValue()} holds a value worth sending. */
    Uni<Void> ready();

    /** Called after a 401: obtains fresh credentials if that can help, else fails. */
    Uni<Void> renew();

    String headerName();

    String headerValue();
}
