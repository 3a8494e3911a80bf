package io.kmcp.application.service;

import io.kmcp.application.Caller;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.in.CompleteNames;
import io.kmcp.application.port.in.Completion;
import io.kmcp.application.port.in.CompletionQuery;
import io.kmcp.application.port.out.ResourcePage;
import io.kmcp.application.port.out.ResourceReader;
import io.kmcp.domain.resource.JsonTree;
import io.kmcp.domain.resource.NamespaceName;
import io.kmcp.domain.resource.PageLimit;
import io.kmcp.domain.resource.ResourceQuery;
import io.kmcp.domain.type.ResourceType;
import io.kmcp.domain.type.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Completes types from discovery (the restricted ones left out) and namespaces and names from one
 * list request with the caller's token, so RBAC decides what is offered. A completion is a hint
 * while someone types: whatever cannot be read (a type unknown or restricted, a list RBAC denies, an
 * API server that fails) is answered with nothing, never with a failure.
 */
public final class CompleteNamesService implements CompleteNames {

    /**
     * One page, the largest a caller may ask for: a completion costs the API server no more than one
     * list, and a namespace with more objects says so with {@code hasMore}.
     */
    static final PageLimit ONE_PAGE = new PageLimit(PageLimit.MAX);

    private final TypeLookup types;
    private final ResourceReader reader;

    public CompleteNamesService(TypeLookup types, ResourceReader reader) {
        this.types = Objects.requireNonNull(types, "types");
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    @Override
    public Completion complete(Caller caller, CompletionQuery query) {
        String prefix = query.prefix().strip().toLowerCase(Locale.ROOT);
        try {
            return switch (query.target()) {
                case TYPE -> types(caller, prefix);
                case NAMESPACE ->
                    names(caller, types.resolve(caller, "namespaces", Verb.LIST), Optional.empty(), prefix);
                case NAME ->
                    query.type().isEmpty() || query.type().get().isBlank()
                            ? Completion.none()
                            : names(
                                    caller,
                                    types.resolve(caller, query.type().get(), Verb.LIST),
                                    query.namespace(),
                                    prefix);
            };
        } catch (RequestFailedException cannotList) {
            return Completion.none();
        }
    }

    /** Each type as kubectl names it ({@code pods}, {@code deployments.apps}), matched by any of its names. */
    private Completion types(Caller caller, String prefix) {
        List<String> matches = types.usableTypes(caller).stream()
                .filter(type -> type.supports(Verb.GET) && type.supports(Verb.LIST))
                .filter(type -> namesOf(type)
                        .anyMatch(name -> name.toLowerCase(Locale.ROOT).startsWith(prefix)))
                .map(ResourceType::groupResource)
                .distinct()
                .sorted()
                .toList();
        return Completion.of(matches, false);
    }

    private static Stream<String> namesOf(ResourceType type) {
        return Stream.concat(
                Stream.of(type.groupResource(), type.plural(), type.singular(), type.kind()),
                type.shortNames().stream());
    }

    private Completion names(Caller caller, ResourceType type, Optional<String> namespace, String prefix) {
        Optional<NamespaceName> within = Inputs.valid(() -> namespace.flatMap(NamespaceName::ofNullable));
        ResourceQuery query = ResourceQuery.of(type).within(within).withLimit(ONE_PAGE);
        ResourcePage page = reader.list(caller, query);
        List<String> matches = page.items().stream()
                .flatMap(item -> JsonTree.of(item).at("metadata.name").string().stream())
                .filter(name -> name.startsWith(prefix))
                .distinct()
                .sorted()
                .toList();
        return Completion.of(matches, page.continueToken().isPresent());
    }
}
