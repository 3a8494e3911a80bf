package io.kmcp.adapters.kubernetes.manifest;

/** A manifest that breaks a rule of its own, raised inside the parser and turned into a problem at its edge. */
final class ManifestSyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ManifestSyntaxException(String message) {
        super(message, null, false, false);
    }
}
