package org.partnerhub.onboarding.examples.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.EventType;
import org.partnerhub.onboarding.events.Topic;
import org.partnerhub.onboarding.events.state.ChannelStage;

/**
 * docs/asyncapi.md is libs/events' AsyncAPI document rendered: this test fails when the committed page is not what
 * the document renders to now, and writes it instead with {@code -Dasyncapi.page.write=true}.
 */
class AsyncApiPageTest {

    private static final String RENDERED = AsyncApiPage.render();

    @Test
    void theCommittedPageIsTheDocumentRendered() throws Exception {
        Path page = Path.of(System.getProperty("asyncapi.page", "../../../docs/asyncapi.md"));
        if (Boolean.getBoolean("asyncapi.page.write")) {
            Files.writeString(page, RENDERED);
        }
        assertThat(page).as("the committed page; regenerate with: " + AsyncApiPage.REGENERATE).exists();
        assertThat(Files.readString(page))
                .as("docs/asyncapi.md is stale; regenerate with: " + AsyncApiPage.REGENERATE)
                .isEqualTo(RENDERED);
    }

    @Test
    void thePageHasEveryTopicAndEveryTypeWithItsFields() {
        for (Topic topic : Topic.values()) {
            assertThat(RENDERED).contains("\n## " + topic.defaultName() + "\n");
        }
        for (EventType type : EventType.values()) {
            assertThat(RENDERED).contains("\n### " + type.ceType() + "\n");
        }
        assertThat(RENDERED)
                .contains("| `apiKey.state` | one of `none`, `pending`, `provisioned`, `failed`, `revoked` | yes")
                .contains("| `ce_id` | yes |");
        for (ChannelStage stage : ChannelStage.values()) {
            assertThat(RENDERED).contains("`" + stage.value() + "`");
        }
    }
}
