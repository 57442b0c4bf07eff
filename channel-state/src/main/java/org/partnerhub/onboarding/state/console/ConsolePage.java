package org.partnerhub.onboarding.state.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/**
 * {@code /console} itself: the page is the static {@code META-INF/resources/console/index.html}, which Quarkus serves
 * at {@code /console/} only. Public like every static file: the page holds no data, every call it makes needs a
 * credential.
 */
@ApplicationScoped
public class ConsolePage {

    void redirect(@Observes Router router) {
        // A regular expression matches the whole path, so /console/ (the page) is not redirected again.
        router.getWithRegex("/console").handler(context -> context.redirect("/console/"));
    }
}
