package io.kmcp.adapters.mcp.archfixture;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Deliberately broken: Spring wiring hidden inside an adapter. */
@Configuration
public class WiringOutsideBootstrap {
    @Bean
    public String hiddenBean() {
        return "hidden";
    }
}
