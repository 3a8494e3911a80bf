package io.kmcp.domain.apply;

import io.kmcp.domain.resource.KubernetesObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** From the parsed documents of a YAML or JSON stream to manifests. */
public final class Manifests {

    /**
     * Lists inside lists are legal but rare; a bound stops a crafted document from nesting without
     * end.
     */
    public static final int MAX_LIST_NESTING = 3;

    private Manifests() {}

    /**
     * The documents with every {@code kind: List} (and {@code *List} object with {@code items}, such as
     * {@code PodList}) replaced by its items, in order; empty documents are dropped.
     *
     * @param documents as parsed, {@code null} for an empty document
     * @throws InvalidManifestException listing every list that cannot be expanded
     */
    public static List<Document> expand(List<? extends Map<String, ?>> documents) {
        Objects.requireNonNull(documents, "documents");
        List<Document> expanded = new ArrayList<>();
        List<ManifestProblem> problems = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            expandInto(Position.of(i + 1), documents.get(i), 0, expanded, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidManifestException(problems);
        }
        return expanded;
    }

    /**
     * One document of a stream, expanded like {@link #expand}.
     *
     * @param number the document's place in the stream, from 1
     */
    public static List<Document> expand(int number, Map<String, ?> document) {
        List<Document> expanded = new ArrayList<>();
        List<ManifestProblem> problems = new ArrayList<>();
        expandInto(Position.of(number), document, 0, expanded, problems);
        if (!problems.isEmpty()) {
            throw new InvalidManifestException(problems);
        }
        return expanded;
    }

    /**
     * The manifests of the documents, lists expanded.
     *
     * @throws InvalidManifestException listing the problem of every document that cannot be applied
     */
    public static List<Manifest> parse(List<? extends Map<String, ?>> documents) {
        List<Manifest> manifests = new ArrayList<>();
        List<ManifestProblem> problems = new ArrayList<>();
        for (Document document : expand(documents)) {
            try {
                manifests.add(Manifest.from(document.position(), document.content()));
            } catch (InvalidManifestException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidManifestException(problems);
        }
        return manifests;
    }

    /**
     * True for {@code kind: List}, and for a {@code *List} kind with an {@code items} list and no
     * name: a custom kind that merely ends in "List" ({@code IPAllowList}) is a named object and stays
     * one.
     */
    public static boolean isList(Map<String, ?> document) {
        if (!(document.get("kind") instanceof String kind)) {
            return false;
        }
        if (kind.equals("List")) {
            return true;
        }
        return kind.endsWith("List") && document.get("items") instanceof List<?> && !hasName(document);
    }

    private static boolean hasName(Map<String, ?> document) {
        return document.get("metadata") instanceof Map<?, ?> metadata && metadata.get("name") != null;
    }

    private static void expandInto(
            Position position,
            Map<String, ?> document,
            int nesting,
            List<Document> expanded,
            List<ManifestProblem> problems) {
        if (document == null || document.isEmpty()) {
            return;
        }
        if (!isList(document)) {
            expanded.add(new Document(position, KubernetesObjects.immutableCopy(document)));
            return;
        }
        if (nesting == MAX_LIST_NESTING) {
            problems.add(new ManifestProblem(
                    position,
                    "lists are nested more than " + MAX_LIST_NESTING
                            + " deep; write the objects as separate documents instead"));
            return;
        }
        Object items = document.get("items");
        if (items == null) {
            return;
        }
        if (!(items instanceof List<?> list)) {
            problems.add(new ManifestProblem(position, "items of a List must be a list of objects"));
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            Position itemPosition = position.item(i + 1);
            if (list.get(i) instanceof Map<?, ?> item) {
                expandInto(itemPosition, stringKeyed(item), nesting + 1, expanded, problems);
            } else {
                problems.add(new ManifestProblem(
                        itemPosition, "an item of a List must be an object with apiVersion," + " kind and metadata"));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> stringKeyed(Map<?, ?> map) {
        return (Map<String, ?>) map;
    }
}
