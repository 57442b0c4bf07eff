package org.partnerhub.onboarding.e2e;

import com.fasterxml.jackson.databind.JsonNode;

/** The services' own HTTP APIs, called as another internal service would: channel-state and the key hand-out. */
final class Services {

    private final LocalStack stack;

    Services(LocalStack stack) {
        this.stack = stack;
    }

    /** channel-state's snapshot, or null while it does not know the channel. */
    JsonNode channel(String channelId) {
        Http.Answer answer = Http.get(stack.state.resolve("/channels/" + channelId), "Authorization",
                Http.bearer(stack.readerToken));
        return answer.status() == 404 ? null : answer.json();
    }

    JsonNode history(String channelId) {
        return Http.get(stack.state.resolve("/channels/" + channelId + "/history"), "Authorization",
                Http.bearer(stack.readerToken)).json();
    }

    Http.Answer apiKey(String channelId) {
        return Http.get(stack.keys.resolve("/channels/" + channelId + "/api-key"), "Authorization",
                Http.bearer(stack.keysToken));
    }
}
