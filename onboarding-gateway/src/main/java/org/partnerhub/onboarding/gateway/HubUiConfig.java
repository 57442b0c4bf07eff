package org.partnerhub.onboarding.gateway;

import java.net.URI;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where 360dialog's Partner Hub UI (the permission popup) lives; tests and the sandbox point it elsewhere. */
@ConfigMapping(prefix = "onboarding.hub-ui")
public interface HubUiConfig {

    @WithDefault("https://hub.360dialog.com")
    URI url();
}
