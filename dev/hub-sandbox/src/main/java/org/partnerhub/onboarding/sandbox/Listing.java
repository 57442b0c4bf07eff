package org.partnerhub.onboarding.sandbox;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Partner API's list semantics: {@code filters} is a JSON object of dotted field paths
 * ({@code setup_info.phone_number}) to values compared as text, {@code sort} a field with an optional {@code -} for
 * descending, then {@code limit}/{@code offset}. Answers {@code {count, total, limit, offset, <items>}}.
 */
final class Listing {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Listing() {
    }

    static Map<String, Object> page(String itemsField, List<Map<String, Object>> all, String filters, String sort,
            Integer limit, Integer offset) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        int from = offset == null ? 0 : offset;
        if (size < 1 || size > MAX_LIMIT || from < 0) {
            throw new ApiProblem(400, "limit must be 1 to " + MAX_LIMIT + " and offset not negative");
        }
        Map<String, String> wanted = filters(filters);
        List<Map<String, Object>> matching = all.stream()
                .filter(item -> wanted.entrySet().stream()
                        .allMatch(f -> f.getValue().equals(Objects.toString(field(item, f.getKey()), null))))
                .sorted(order(sort))
                .toList();
        List<Map<String, Object>> items = matching.subList(Math.min(from, matching.size()),
                Math.min(from + size, matching.size()));
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("count", items.size());
        page.put("total", matching.size());
        page.put("limit", size);
        page.put("offset", from);
        page.put(itemsField, items);
        return page;
    }

    private static Map<String, String> filters(String json) {
        Map<String, String> filters = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return filters;
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ApiProblem(400, "filters must be a JSON object with double quotes");
        }
        if (!tree.isObject()) {
            throw new ApiProblem(400, "filters must be a JSON object");
        }
        for (Map.Entry<String, JsonNode> filter : tree.properties()) {
            if (!filter.getValue().isValueNode() || filter.getValue().isNull()) {
                throw new ApiProblem(400, "the sandbox only filters by plain values: " + filter.getKey());
            }
            filters.put(filter.getKey(), filter.getValue().asText());
        }
        return filters;
    }

    /** Without a sort the listing keeps creation order; with one, ties keep it too (the sort is stable). */
    private static Comparator<Map<String, Object>> order(String sort) {
        if (sort == null || sort.isBlank()) {
            return (a, b) -> 0;
        }
        boolean descending = sort.startsWith("-");
        String path = descending ? sort.substring(1) : sort;
        Comparator<Map<String, Object>> ascending = Comparator.comparing(
                item -> Objects.toString(field(item, path), null), Comparator.nullsLast(Comparator.naturalOrder()));
        return descending ? ascending.reversed() : ascending;
    }

    private static Object field(Map<String, Object> item, String path) {
        Object value = item;
        for (String name : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(name);
        }
        return value instanceof Map || value instanceof List ? null : value;
    }
}
