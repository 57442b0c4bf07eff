package org.partnerhub.onboarding.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ListingTest {

    private static final List<Map<String, Object>> CHANNELS = List.of(
            Map.of("id", "aCH", "status", "running", "setup_info", Map.of("phone_number", "491")),
            Map.of("id", "bCH", "status", "created", "setup_info", Map.of("phone_number", "492")),
            Map.of("id", "cCH", "status", "running", "setup_info", Map.of("phone_number", "493")));

    @Test
    void filtersByDottedFieldsAndPages() {
        Map<String, Object> page = Listing.page("partner_channels", CHANNELS, "{\"status\":\"running\"}", "-id", 1,
                1);

        assertThat(page).containsEntry("count", 1).containsEntry("total", 2).containsEntry("limit", 1)
                .containsEntry("offset", 1);
        assertThat(ids(page)).containsExactly("aCH");
        assertThat(ids(Listing.page("partner_channels", CHANNELS, "{\"setup_info.phone_number\":492}", null, null,
                null))).containsExactly("bCH");
    }

    @Test
    void anOffsetBeyondTheEndIsAnEmptyPage() {
        assertThat(ids(Listing.page("partner_channels", CHANNELS, null, null, 10, 5))).isEmpty();
    }

    @Test
    void malformedFiltersAndPagesAreRefused() {
        assertThatThrownBy(() -> Listing.page("x", CHANNELS, "{'status':'running'}", null, null, null))
                .isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> Listing.page("x", CHANNELS, "{\"status\":{\"$in\":[1]}}", null, null, null))
                .isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> Listing.page("x", CHANNELS, null, null, 0, 0)).isInstanceOf(ApiProblem.class);
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("partner_channels")).stream().map(c -> (String) c.get("id"))
                .toList();
    }
}
