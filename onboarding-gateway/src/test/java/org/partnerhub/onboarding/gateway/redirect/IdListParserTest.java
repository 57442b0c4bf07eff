package org.partnerhub.onboarding.gateway.redirect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdListParserTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("[y9MiLoCH]", List.of("y9MiLoCH")),
                Arguments.of("[y9MiLoCH,a1b2CH]", List.of("y9MiLoCH", "a1b2CH")),
                Arguments.of("[]", List.of()),
                Arguments.of("[a_b-c]", List.of("a_b-c")),
                Arguments.of("[" + "x".repeat(64) + "]", List.of("x".repeat(64))),
                Arguments.of("[b,a,b]", List.of("b", "a")),
                Arguments.of(listOf(100), ids(100)));
    }

    @ParameterizedTest
    @MethodSource
    void valid(String value, List<String> ids) throws MalformedRedirectException {
        assertThat(IdListParser.parse("channels", value)).containsExactlyElementsOf(ids);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "y9MiLoCH", "[y9MiLoCH", "y9MiLoCH]", "[[y9MiLoCH]]", "[y9MiLoCH,]", "[,y9MiLoCH]", "[a,,b]",
        "[ y9MiLoCH]", "[y9MiLoCH ]", "[\"y9MiLoCH\"]", "['y9MiLoCH']", "[a;b]", "[a.b]", "[a/b]", "[ä]",
        "[a%5Db]", "[<script>]", "%5By9MiLoCH%5D", "{y9MiLoCH}", "(y9MiLoCH)", "[a]b]"
    })
    void rejectsAnythingElse(String value) {
        assertThatThrownBy(() -> IdListParser.parse("channels", value))
                .isInstanceOf(MalformedRedirectException.class)
                .hasMessageStartingWith("channels ");
    }

    @ParameterizedTest
    @ValueSource(ints = {65, 200})
    void rejectsTooLongIds(int length) {
        assertThatThrownBy(() -> IdListParser.parse("revoked", "[" + "x".repeat(length) + "]"))
                .isInstanceOf(MalformedRedirectException.class)
                .hasMessageContaining("1 to 64");
    }

    @ParameterizedTest
    @ValueSource(ints = {101, 1000})
    void rejectsMoreThanAHundredIds(int count) {
        assertThatThrownBy(() -> IdListParser.parse("channels", listOf(count)))
                .isInstanceOf(MalformedRedirectException.class)
                .hasMessageContaining("more than 100");
    }

    private static String listOf(int count) {
        return "[" + String.join(",", ids(count)) + "]";
    }

    private static List<String> ids(int count) {
        return Stream.iterate(0, i -> i + 1).limit(count).map(i -> "ch" + i).toList();
    }
}
