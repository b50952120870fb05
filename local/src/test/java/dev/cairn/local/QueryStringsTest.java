package dev.cairn.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The HTTP API emulation hands query strings to the handler the way API Gateway v2 does. */
class QueryStringsTest {

    @Test
    void repeatedQueryParametersArriveJoinedAsApiGatewaySendsThem() {
        assertThat(QueryStrings.parse("a=1&b=x%20y&a=2&flag"))
                .containsExactly(Map.entry("a", "1,2"), Map.entry("b", "x y"), Map.entry("flag", ""));
        assertThat(QueryStrings.parse("")).isNull();
    }
}
