package io.kmcp.adapters.kubernetes.manifest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kmcp.application.Problem;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.out.ManifestParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a manifest as kubectl does: a stream of YAML documents, or of JSON objects when it starts
 * with <code>{</code>. SnakeYAML composes each document into a tree (so a {@code ---} inside a block
 * scalar or a quoted string is content, never a separator), with limits on size, depth and aliases;
 * the tree is then copied into plain maps against a value budget. Scalars follow Kubernetes' YAML
 * decoder: {@code 0644} is octal, {@code yes} is a boolean, dates and {@code 12:30} stay text.
 */
public final class SnakeYamlManifestParser implements ManifestParser {

    private static final String FIX_AND_RESEND = " Fix the manifest there and send all of it again.";

    private final ManifestLimits limits;

    public SnakeYamlManifestParser(ManifestLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public SnakeYamlManifestParser() {
        this(ManifestLimits.defaults());
    }

    @Override
    public List<Map<String, Object>> parse(String text) {
        Objects.requireNonNull(text, "text");
        String input = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try {
            requireSize(input);
            List<Map<String, Object>> documents = startsWithBrace(input) ? parseJson(input) : parseYaml(input);
            return List.copyOf(documents);
        } catch (ManifestSyntaxException e) {
            throw new RequestFailedException(Problem.Reason.INVALID_ARGUMENT, e.getMessage());
        }
    }

    private void requireSize(String input) {
        // Characters never outnumber UTF-8 bytes, so the cheap check goes first.
        long bytes =
                input.length() > limits.maxBytes() ? input.length() : input.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > limits.maxBytes()) {
            throw new ManifestSyntaxException("The manifest is " + bytes + " bytes long; at most " + limits.maxBytes()
                    + " are accepted in one request. Apply it in several smaller parts.");
        }
    }

    private List<Map<String, Object>> parseYaml(String input) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(limits.maxAliases());
        options.setNestingDepthLimit(limits.maxDepth());
        options.setCodePointLimit(limits.maxBytes());
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        Composer composer =
                new Composer(new ParserImpl(new StreamReader(input), options), new KubernetesResolver(), options);
        ManifestConstructor constructor = new ManifestConstructor(options);
        JsonLikeTree tree = new JsonLikeTree(limits);
        List<Map<String, Object>> documents = new ArrayList<>();
        int index = 0;
        try {
            while (composer.checkNode()) {
                index++;
                Node node = composer.getNode();
                if (isEmpty(node)) {
                    continue;
                }
                requireRoomForAnother(documents);
                if (!(node instanceof MappingNode)) {
                    throw new ManifestSyntaxException(at(index, node.getStartMark()) + " is " + describe(node)
                            + ", not a mapping; every document must be one Kubernetes object (apiVersion, kind,"
                            + " metadata …).");
                }
                Map<?, ?> data = (Map<?, ?>) constructor.construct(node);
                documents.add(tree.copyDocument(data, "Document " + index));
            }
        } catch (MarkedYAMLException e) {
            throw new ManifestSyntaxException(describe(e, Math.max(index, 1)));
        } catch (YAMLException e) {
            throw new ManifestSyntaxException(describeLimit(e, Math.max(index, 1)));
        }
        return documents;
    }

    private List<Map<String, Object>> parseJson(String input) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth())
                        .maxDocumentLength(limits.maxBytes())
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        ObjectMapper mapper = new ObjectMapper(factory);
        JsonLikeTree tree = new JsonLikeTree(limits);
        List<Map<String, Object>> documents = new ArrayList<>();
        int index = 0;
        try (MappingIterator<Object> values = mapper.readerFor(Object.class).readValues(input)) {
            while (values.hasNextValue()) {
                index++;
                JsonLocation start = values.getParser().currentTokenLocation();
                Object value = values.nextValue();
                if (value == null) {
                    continue;
                }
                requireRoomForAnother(documents);
                if (!(value instanceof Map<?, ?> map)) {
                    throw new ManifestSyntaxException(at(index, start.getLineNr(), start.getColumnNr()) + " is a JSON "
                            + (value instanceof List ? "array" : "value") + ", not an object; every document must be"
                            + " one Kubernetes object (apiVersion, kind, metadata …).");
                }
                documents.add(tree.copyDocument(map, "Document " + index));
            }
        } catch (StreamConstraintsException e) {
            JsonLocation location = e.getLocation();
            String where = location == null
                    ? "Document " + Math.max(index, 1)
                    : at(Math.max(index, 1), location.getLineNr(), location.getColumnNr());
            throw new ManifestSyntaxException(JsonLikeTree.tooDeep(where, limits.maxDepth()));
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            String where = location == null
                    ? "Document " + Math.max(index, 1)
                    : at(Math.max(index, 1), location.getLineNr(), location.getColumnNr());
            throw new ManifestSyntaxException(where + ": " + e.getOriginalMessage()
                    + ". A manifest that starts with '{' is read as JSON (one or more objects); write valid JSON, or"
                    + " YAML with one key per line." + FIX_AND_RESEND);
        } catch (IOException e) {
            throw new ManifestSyntaxException("The manifest could not be read: " + e.getMessage());
        }
        return documents;
    }

    private void requireRoomForAnother(List<Map<String, Object>> documents) {
        if (documents.size() >= limits.maxDocuments()) {
            throw new ManifestSyntaxException("The manifest holds more than " + limits.maxDocuments()
                    + " documents; apply at most " + limits.maxDocuments() + " objects per request.");
        }
    }

    private static boolean startsWithBrace(String input) {
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{';
            }
        }
        return false;
    }

    /** A lone {@code ---}, a document of comments only, or an explicit null. */
    private static boolean isEmpty(Node node) {
        return node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
    }

    private static String describe(Node node) {
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return "a plain value ("
                + ((ScalarNode) node).getValue().lines().findFirst().orElse("") + ")";
    }

    private static String describe(MarkedYAMLException e, int index) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String where = mark == null ? "Document " + index : at(index, mark);
        String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
        String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
        return where + ": " + problem + context + "." + hintFor(problem) + FIX_AND_RESEND;
    }

    private static String hintFor(String problem) {
        if (problem.contains("duplicate key")) {
            return " A key may appear only once in a mapping.";
        }
        if (problem.contains("could not determine a constructor")) {
            return " Custom YAML tags (!name) are not supported; remove the tag.";
        }
        if (problem.contains("mapping values are not allowed") || problem.contains("expected <block end>")) {
            return " Check the indentation and that every ':' is followed by a space.";
        }
        return "";
    }

    private String describeLimit(YAMLException e, int index) {
        String message = String.valueOf(e.getMessage());
        String document = "Document " + index;
        if (message.contains("Nesting Depth")) {
            return JsonLikeTree.tooDeep(document, limits.maxDepth());
        }
        if (message.contains("aliases")) {
            return document + " uses more than " + limits.maxAliases() + " aliases (*name) to mappings or lists;"
                    + " write the repeated parts out.";
        }
        if (message.contains("code points")) {
            return document + " is longer than " + limits.maxBytes() + " characters; apply it in smaller parts.";
        }
        return document + ": " + message + "." + FIX_AND_RESEND;
    }

    private static String at(int index, Mark mark) {
        return at(index, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static String at(int index, int line, int column) {
        return "Document " + index + " (line " + line + ", column " + column + ")";
    }

    /**
     * YAML 1.1 scalars as Kubernetes' decoder reads them, without the two resolutions that would turn
     * text Kubernetes expects into something else: timestamps (annotations often hold dates) and
     * base-60 numbers ({@code 12:30}).
     */
    private static final class KubernetesResolver extends Resolver {

        private static final Pattern INT_WITHOUT_BASE_60 = Pattern.compile("^(?:[-+]?0b_*[0-1][0-1_]*"
                + "|[-+]?0_*[0-7][0-7_]*|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x_*[0-9a-fA-F][0-9a-fA-F_]*)$");
        private static final Pattern FLOAT_WITHOUT_BASE_60 = Pattern.compile("^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*"
                + "(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|[-+]?\\.[0-9_]+(?:[eE][-+]?[0-9]+)?"
                + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO", 10);
            addImplicitResolver(Tag.INT, INT_WITHOUT_BASE_60, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT_WITHOUT_BASE_60, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<", 10);
            addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
            addImplicitResolver(Tag.NULL, EMPTY, null, 10);
        }
    }

    /** SnakeYAML's safe constructor (no arbitrary classes), one composed document at a time. */
    private static final class ManifestConstructor extends SafeConstructor {

        ManifestConstructor(LoaderOptions options) {
            super(options);
            // The Yaml facade copies this from the options; used without it, the constructor must be told.
            setAllowDuplicateKeys(false);
            // An explicit !!timestamp stays text too: the API server parses its own timestamps.
            yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
        }

        Object construct(Node node) {
            return constructDocument(node);
        }
    }
}
