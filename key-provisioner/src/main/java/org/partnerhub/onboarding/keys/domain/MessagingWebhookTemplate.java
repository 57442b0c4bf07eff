package org.partnerhub.onboarding.keys.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A hub's messaging webhook URL ({@code onboarding.hubs.<id>.messaging-webhook-url}): a URL that may name the
 * channel's {@code {channelId}}, {@code {clientId}} and {@code {tenant}}, each filled in URL-encoded.
 */
public record MessagingWebhookTemplate(String template) {

    /** What a template may name. */
    public enum Placeholder {
        CHANNEL_ID("channelId"),
        CLIENT_ID("clientId"),
        TENANT("tenant");

        private final String name;

        Placeholder(String name) {
            this.name = name;
        }

        public String token() {
            return "{" + name + "}";
        }

        static Optional<Placeholder> named(String name) {
            return Arrays.stream(values()).filter(placeholder -> placeholder.name.equals(name)).findFirst();
        }
    }

    private static final Pattern BRACED = Pattern.compile("\\{([^{}]*)}");

    /** The URL for one channel, or the placeholder whose value the channel does not have (yet). */
    public sealed interface Rendering {

        record Url(String url) implements Rendering {
        }

        record Missing(Placeholder placeholder) implements Rendering {
        }
    }

    /**
     * @throws IllegalArgumentException naming what is wrong: an unknown placeholder, or a template that does not make
     *     an absolute http(s) URL
     */
    public static MessagingWebhookTemplate parse(String template) {
        Matcher braced = BRACED.matcher(template);
        while (braced.find()) {
            if (Placeholder.named(braced.group(1)).isEmpty()) {
                throw new IllegalArgumentException("unknown placeholder " + braced.group() + " in " + template
                        + "; a template may use " + Arrays.stream(Placeholder.values()).map(Placeholder::token)
                                .collect(Collectors.joining(", ")));
            }
        }
        MessagingWebhookTemplate parsed = new MessagingWebhookTemplate(template);
        String sample = ((Rendering.Url) parsed.render("channel", "client", "tenant")).url();
        URI uri;
        try {
            uri = new URI(sample);
        } catch (URISyntaxException notAUri) {
            throw new IllegalArgumentException(template + " is not a URL: " + notAUri.getReason());
        }
        if (uri.getHost() == null || !("https".equalsIgnoreCase(uri.getScheme())
                || "http".equalsIgnoreCase(uri.getScheme()))) {
            throw new IllegalArgumentException(template + " is not an absolute http(s) URL");
        }
        return parsed;
    }

    /** Fills in the channel's values; a value the template names but the channel lacks is reported as missing. */
    public Rendering render(String channelId, String clientId, String tenant) {
        Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
        if (channelId != null) {
            values.put(Placeholder.CHANNEL_ID, channelId);
        }
        if (clientId != null) {
            values.put(Placeholder.CLIENT_ID, clientId);
        }
        if (tenant != null) {
            values.put(Placeholder.TENANT, tenant);
        }
        Matcher braced = BRACED.matcher(template);
        StringBuilder url = new StringBuilder();
        while (braced.find()) {
            Placeholder placeholder = Placeholder.named(braced.group(1)).orElseThrow();
            String value = values.get(placeholder);
            if (value == null || value.isBlank()) {
                return new Rendering.Missing(placeholder);
            }
            braced.appendReplacement(url, Matcher.quoteReplacement(
                    URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
        }
        braced.appendTail(url);
        return new Rendering.Url(url.toString());
    }
}
