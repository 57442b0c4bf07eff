package org.partnerhub.onboarding.gateway.redirect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RedirectFactsTest {

    @Test
    void theFactKeyOfAStatelessRedirectDependsOnHubClientAndIdsButNotTheirOrder() {
        String key = RedirectFacts.statelessFactKey("main", new Redirect("cl1", List.of("a", "b"), List.of("c"), null));

        assertThat(RedirectFacts.statelessFactKey("main", new Redirect("cl1", List.of("b", "a"), List.of("c"), null)))
                .isEqualTo(key);
        assertThat(List.of(
                RedirectFacts.statelessFactKey("other", new Redirect("cl1", List.of("a", "b"), List.of("c"), null)),
                RedirectFacts.statelessFactKey("main", new Redirect("cl2", List.of("a", "b"), List.of("c"), null)),
                RedirectFacts.statelessFactKey("main", new Redirect("cl1", List.of("a"), List.of("b", "c"), null)),
                RedirectFacts.statelessFactKey("main", new Redirect("cl1", List.of("a", "b", "c"), List.of(), null))))
                .doesNotContain(key).doesNotHaveDuplicates();
    }
}
