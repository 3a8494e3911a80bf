package io.kmcp.domain.archfixture;

import org.springframework.util.StringUtils;

/** Deliberately broken: a domain class that reaches for a framework. Only the rule tests import it. */
public class DomainUsingSpring {
    public boolean blank(String text) {
        return !StringUtils.hasText(text);
    }
}
