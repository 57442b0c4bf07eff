package org.partnerhub.onboarding.keys;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * 360dialog's keys for the channels whose stubs name this transformer, as 360dialog keeps them: a creation makes a
 * new key live the moment the request arrives (the answer may come much later, after the stub's delay) and revokes
 * the channel's earlier keys; a listing shows the live key without its secret; a deletion removes it. A channel's
 * creations may be scripted, call by call: answered late, or refused with an error that creates nothing.
 */
public class HubKeys implements ResponseDefinitionTransformerV2 {

    static final String NAME = "hub-keys";
    private static final Pattern PATH = Pattern.compile(".*/channels/([^/]+)/api_keys(?:/([^/?]+))?.*");

    private final Map<String, List<String>> created = new HashMap<>();
    private final Set<String> deleted = new HashSet<>();
    private final Map<String, IntFunction<CreationAnswer>> scripts = new HashMap<>();
    private final Map<String, Integer> creationCalls = new HashMap<>();
    private final Map<String, String> addresses = new HashMap<>();

    /** How 360dialog answers one key creation. */
    sealed interface CreationAnswer {

        /** The key is created, revoking the earlier ones, when the request arrives; answered {@code delayMs} later. */
        record Created(int delayMs) implements CreationAnswer {
        }

        /** An error answer, at once: nothing is created. */
        record Refused(int status, Optional<Integer> retryAfterSeconds) implements CreationAnswer {
        }
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        Matcher path = PATH.matcher(event.getRequest().getUrl());
        if (!path.matches()) {
            return event.getResponseDefinition();
        }
        String channel = path.group(1);
        ResponseDefinitionBuilder answer = ResponseDefinitionBuilder.like(event.getResponseDefinition())
                .withHeader("Content-Type", "application/json");
        return switch (event.getRequest().getMethod().getName()) {
            case "POST" -> {
                int call = creationCalls.merge(channel, 1, Integer::sum);
                CreationAnswer scripted = scripts.containsKey(channel) ? scripts.get(channel).apply(call) : null;
                if (scripted instanceof CreationAnswer.Refused refused) {
                    refused.retryAfterSeconds()
                            .ifPresent(seconds -> answer.withHeader("Retry-After", String.valueOf(seconds)));
                    yield answer.withStatus(refused.status()).withFixedDelay(null)
                            .withBody("{\"meta\":{\"developer_message\":\"scripted refusal\"}}").build();
                }
                if (scripted instanceof CreationAnswer.Created late) {
                    answer.withFixedDelay(late.delayMs());
                }
                List<String> keys = created.computeIfAbsent(channel, ignored -> new ArrayList<>());
                String key = "key-" + channel + "-" + (keys.size() + 1);
                keys.add(key);
                String address = addresses.getOrDefault(channel, "https://waba.example");
                yield answer.withStatus(201).withBody("{\"id\":\"" + key + "\",\"api_key\":\"" + secret(key)
                        + "\",\"address\":\"" + address + "\",\"app_id\":\"app-" + channel + "\"}").build();
            }
            case "DELETE" -> {
                deleted.add(path.group(2));
                yield answer.withStatus(200).withBody("{}").build();
            }
            default -> answer.withStatus(200).withBody(live(channel)
                    .map(key -> "{\"api_keys\":[{\"id\":\"" + key + "\",\"created_at\":\"" + Instant.now() + "\"}]}")
                    .orElse("{\"api_keys\":[]}")).build();
        };
    }

    /** From now on the channel's creations are answered as {@code answerOfCall} says for their call number (from 1). */
    synchronized void script(String channel, IntFunction<CreationAnswer> answerOfCall) {
        scripts.put(channel, answerOfCall);
    }

    /** From now on the channel's keys come with this messaging API address. */
    synchronized void address(String channel, String address) {
        addresses.put(channel, address);
    }

    /** The secret 360dialog reveals with key {@code keyId} when it creates it. */
    static String secret(String keyId) {
        return "fake-secret-" + keyId;
    }

    /** How many keys were created for the channel. */
    synchronized int creations(String channel) {
        return created.getOrDefault(channel, List.of()).size();
    }

    /** The one key 360dialog holds live for the channel: the latest created, unless it was deleted. */
    synchronized Optional<String> live(String channel) {
        List<String> keys = created.getOrDefault(channel, List.of());
        return keys.isEmpty() || deleted.contains(keys.getLast()) ? Optional.empty() : Optional.of(keys.getLast());
    }

    synchronized boolean wasDeleted(String key) {
        return deleted.contains(key);
    }
}
