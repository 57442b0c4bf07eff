package org.partnerhub.onboarding.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Plain HTTP the way an outside caller does it: no redirect is followed unless the test follows it. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private Http() {
    }

    record Answer(int status, String body, HttpResponse<String> response) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        /** The Location header, resolved against the request's URI. */
        URI location() {
            return response.uri().resolve(encodeBrackets(header("Location")
                    .orElseThrow(() -> new AssertionError("no Location in a " + status + " answer: " + body))));
        }
    }

    static Answer get(URI uri, String... headers) {
        return send(request(uri, headers).GET());
    }

    static Answer postJson(URI uri, Object body, String... headers) {
        return send(request(uri, headers).header("Content-Type", "application/json").POST(json(body)));
    }

    static Answer patchJson(URI uri, Object body) {
        return send(request(uri).header("Content-Type", "application/json").method("PATCH", json(body)));
    }

    static Answer delete(URI uri) {
        return send(request(uri).DELETE());
    }

    /** A form post; a field given several values is sent once per value, as a browser sends checkboxes. */
    static Answer postForm(URI uri, Map<String, List<String>> fields) {
        String form = fields.entrySet().stream()
                .flatMap(field -> field.getValue().stream().map(value -> encode(field.getKey()) + "=" + encode(value)))
                .collect(Collectors.joining("&"));
        return send(request(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable as JSON: " + body, e);
        }
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    /** 360dialog's redirect carries its lists bracketed and unencoded, which java.net.URI does not take. */
    private static String encodeBrackets(String uri) {
        return uri.replace("[", "%5B").replace("]", "%5D");
    }

    private static HttpRequest.Builder request(URI uri, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        return headers.length == 0 ? builder : builder.headers(headers);
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
