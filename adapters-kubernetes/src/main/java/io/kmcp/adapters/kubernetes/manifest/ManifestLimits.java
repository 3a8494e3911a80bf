package io.kmcp.adapters.kubernetes.manifest;

/**
 * What one manifest may hold, so that a hostile or mistaken input costs bounded memory and time.
 *
 * @param maxBytes the whole stream, in UTF-8 bytes (default 1 MiB)
 * @param maxDocuments non-empty documents in the stream (default 100)
 * @param maxDepth nested mappings and lists in one document, the document itself counting as 1
 *     (default 64)
 * @param maxAliases YAML aliases ({@code *name}) to mappings or lists in one document (default 50);
 *     what they expand to is bounded as well, by {@code maxBytes} values, which defuses "billion
 *     laughs"
 */
public record ManifestLimits(int maxBytes, int maxDocuments, int maxDepth, int maxAliases) {

    public static final int DEFAULT_MAX_BYTES = 1024 * 1024;
    public static final int DEFAULT_MAX_DOCUMENTS = 100;
    public static final int DEFAULT_MAX_DEPTH = 64;
    public static final int DEFAULT_MAX_ALIASES = 50;

    public ManifestLimits {
        requirePositive("maxBytes", maxBytes);
        requirePositive("maxDocuments", maxDocuments);
        requirePositive("maxDepth", maxDepth);
        if (maxAliases < 0) {
            throw new IllegalArgumentException("maxAliases cannot be negative, was " + maxAliases);
        }
    }

    public static ManifestLimits defaults() {
        return new ManifestLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_DOCUMENTS, DEFAULT_MAX_DEPTH, DEFAULT_MAX_ALIASES);
    }

    /**
     * At most this many values (scalars, mappings, lists) across the stream once aliases are expanded.
     * Without aliases every value takes at least one byte of input, so honest manifests never reach it.
     */
    long maxValues() {
        return maxBytes;
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
