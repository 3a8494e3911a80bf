package io.kmcp.acceptance.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Tampering with a request state")
class RequestStateForgeryTest {

    @Test
    @DisplayName("exactly one character of the signature changes, in its middle; the payload stays")
    void altersOneCharacterOfTheSignature() {
        String state = "eyJzdWIiOiJhIn0.abcdefgh_-";

        String forged = RequestStateForgery.withSignatureAltered(state);

        assertThat(forged)
                .hasSameSizeAs(state)
                .startsWith("eyJzdWIiOiJhIn0.abcde")
                .isNotEqualTo(state);
        assertThat(forged.charAt(21)).isNotEqualTo(state.charAt(21));
        assertThat(forged.substring(22)).isEqualTo(state.substring(22));
    }

    @Test
    @DisplayName("the last letter of the alphabet becomes the first, so the result stays base64url")
    void wrapsAround() {
        assertThat(RequestStateForgery.withSignatureAltered("p._")).isEqualTo("p.A");
    }

    @Test
    @DisplayName("a state without a signature is not a request state")
    void refusesAStateWithoutSignature() {
        assertThatThrownBy(() -> RequestStateForgery.withSignatureAltered("payload."))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
