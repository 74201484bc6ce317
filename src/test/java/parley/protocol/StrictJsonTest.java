package parley.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StrictJsonTest {
    @Test
    void parsesAnObject() {
        assertThat(StrictJson.parse("{\"a\":[1,{\"b\":null}],\"c\":\"d\"}")).isPresent();
    }

    @Test
    void parsesTheSameKeyInDifferentObjects() {
        assertThat(StrictJson.parse("{\"a\":{\"a\":1},\"b\":[{\"a\":1},{\"a\":2}]}")).isPresent();
    }

    @Test
    void refusesADuplicateKey() {
        assertThat(StrictJson.parse("{\"a\":1,\"a\":2}")).isEmpty();
    }

    @Test
    void refusesANestedDuplicateKey() {
        assertThat(StrictJson.parse("{\"x\":[{\"a\":1,\"a\":1}]}")).isEmpty();
    }

    @Test
    void refusesTrailingData() {
        assertThat(StrictJson.parse("{} {}")).isEmpty();
    }

    @Test
    void refusesSingleQuotes() {
        assertThat(StrictJson.parse("{'a':1}")).isEmpty();
    }

    @Test
    void refusesUnquotedNames() {
        assertThat(StrictJson.parse("{a:1}")).isEmpty();
    }

    @Test
    void refusesComments() {
        assertThat(StrictJson.parse("{\"a\":1 /* c */}")).isEmpty();
    }

    @Test
    void refusesNaN() {
        assertThat(StrictJson.parse("{\"a\":NaN}")).isEmpty();
    }

    @Test
    void refusesTrailingCommas() {
        assertThat(StrictJson.parse("[1,]")).isEmpty();
    }

    @Test
    void refusesRawControlCharactersInStrings() {
        assertThat(StrictJson.parse("{\"a\":\"\u0001\"}")).isEmpty();
    }

    @Test
    void refusesEmptyText() {
        assertThat(StrictJson.parse("")).isEmpty();
    }

    @Test
    void refusesDeepNestingWithoutBlowingTheStack() {
        assertThat(StrictJson.parse("[".repeat(100_000) + "]".repeat(100_000))).isEmpty();
    }
}
