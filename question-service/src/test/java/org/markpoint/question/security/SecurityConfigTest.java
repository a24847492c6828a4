package org.markpoint.question.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecurityConfigTest {

    private final SecurityConfig config = new SecurityConfig();

    @Test
    void givenNoSecret_whenStarting_thenRefusedNamingTheSetting() {
        assertThatThrownBy(() -> config.identityCodec(new SecurityConfig.Properties("")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MARKPOINT_INTERNAL_SECRET").hasMessageContaining("missing");
        assertThatThrownBy(() -> config.identityCodec(new SecurityConfig.Properties(null)))
                .hasMessageContaining("missing");
    }

    @Test
    void givenAShortSecret_whenStarting_thenRefused() {
        assertThatThrownBy(() -> config.identityCodec(new SecurityConfig.Properties("0123456789abcdef0123456789abcde")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("shorter than 32 bytes");
    }

    @Test
    void givenA32ByteSecret_whenStarting_thenACodecIsMade() {
        assertThat(config.identityCodec(new SecurityConfig.Properties("0123456789abcdef0123456789abcdef")))
                .isNotNull();
    }
}
