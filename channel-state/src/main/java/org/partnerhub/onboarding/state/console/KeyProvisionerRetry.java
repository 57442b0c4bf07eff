package org.partnerhub.onboarding.state.console;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.partnerhub.onboarding.auth.ApiError;

import io.smallrye.mutiny.Uni;

/**
 * Forwards an operator's retry of a failed key claim to key-provisioner's retry API with channel-state's own
 * credential. The token goes only into the request's header: never into a log line, an exception or an answer.
 */
@ApplicationScoped
public class KeyProvisionerRetry {

    private static final Logger LOG = Logger.getLogger(KeyProvisionerRetry.class);

    /** key-provisioner's own answers, passed back as they are: retried, no claim, claim not failed (with why). */
    private static final Set<Integer> PASSED_BACK = Set.of(202, 404, 409);

    @Inject
    ConsoleConfig config;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public boolean configured() {
        return config.keyProvisioner().url().isPresent() && config.keyProvisioner().token().isPresent();
    }

    /** The answer while {@link #configured()} is false. */
    public static Response notConfigured() {
        return error(Response.Status.NOT_IMPLEMENTED, "retrying needs onboarding.console.key-provisioner.url and "
                + ".token, which this channel-state does not have");
    }

    /**
     * Only while {@link #configured()}.
     *
     * @param credential the operator's credential name, for the log line
     */
    public Uni<Response> retry(String channelId, String credential) {
        String base = config.keyProvisioner().url().orElseThrow().toString().replaceAll("/+$", "");
        URI target = URI.create(base + "/channels/"
                + URLEncoder.encode(channelId, StandardCharsets.UTF_8).replace("+", "%20") + "/api-key/retry");
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(config.keyProvisioner().timeout())
                .header("Authorization", "Bearer " + config.keyProvisioner().token().orElseThrow())
                .header("Accept", MediaType.APPLICATION_JSON)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .map(answer -> {
                    LOG.infof("api-key retry of channel %s for credential %s: key-provisioner answered %d", channelId,
                            credential, answer.statusCode());
                    if (PASSED_BACK.contains(answer.statusCode())) {
                        return Response.status(answer.statusCode()).type(MediaType.APPLICATION_JSON_TYPE)
                                .entity(answer.body()).build();
                    }
                    return error(Response.Status.BAD_GATEWAY, "key-provisioner answered " + answer.statusCode()
                            + (answer.statusCode() == 401 || answer.statusCode() == 403
                                    ? " to channel-state's credential (onboarding.console.key-provisioner.token)"
                                    : "") + ": " + answer.body());
                })
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("api-key retry of channel %s: key-provisioner at %s did not answer (%s)", channelId,
                            base, failure.getClass().getSimpleName());
                    return error(Response.Status.BAD_GATEWAY, "key-provisioner did not answer ("
                            + failure.getClass().getSimpleName() + ")");
                });
    }

    private static Response error(Response.Status status, String reason) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(reason)).build();
    }
}
