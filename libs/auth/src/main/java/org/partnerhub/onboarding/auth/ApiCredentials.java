package org.partnerhub.onboarding.auth;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;

/** The service's configured credentials, checked at start-up so that a wrong entry stops the service at once. */
@Startup
@ApplicationScoped
public class ApiCredentials {

    private static final Logger LOG = Logger.getLogger(ApiCredentials.class);

    @Inject
    AuthConfig config;

    private Credentials credentials;

    @PostConstruct
    void load() {
        Map<String, Credentials.Configured> configured = config.credentials().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> new Credentials.Configured(
                        entry.getValue().tokenSha256(), entry.getValue().hubs(), entry.getValue().tenants(),
                        entry.getValue().scopes())));
        credentials = Credentials.of(configured);
        if (credentials.all().isEmpty()) {
            LOG.warn("No API credentials configured (onboarding.auth.credentials.*): every protected endpoint "
                    + "answers 401");
        }
        credentials.all().forEach(credential -> LOG.infof("API credential %s: scopes %s, hubs %s, tenants %s",
                credential.name(), credential.scopes(), credential.hubs(), credential.tenants()));
    }

    public Optional<Credential> identify(String authorization) {
        return credentials.identify(authorization);
    }
}
