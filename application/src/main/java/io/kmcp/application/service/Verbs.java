package io.kmcp.application.service;

import io.kmcp.domain.type.Verb;
import java.util.Collection;
import java.util.stream.Collectors;

final class Verbs {

    private Verbs() {}

    static String describe(Collection<Verb> verbs) {
        return verbs.stream().sorted().map(verb -> verb.name().toLowerCase()).collect(Collectors.joining(", "));
    }
}
