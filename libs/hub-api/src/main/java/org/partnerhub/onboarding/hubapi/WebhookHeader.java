package org.partnerhub.onboarding.hubapi;

import java.util.Objects;

/**
 * A static header 360dialog is to send with every webhook, configured together with the webhook URL. The value is
 * a secret (webhook-ingest checks it): {@link #toString()} never shows it.
 */
public record WebhookHeader(String name, String value) {

    public WebhookHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "WebhookHeader[name=" + name + ", value=***]";
    }
}
