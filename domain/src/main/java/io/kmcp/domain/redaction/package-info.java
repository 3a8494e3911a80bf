/**
 * Credentials that sit outside Secrets (an env value {@code DB_PASSWORD}, a config map key {@code
 * api_token}, a PEM key pasted into an annotation) replaced by a marker before an agent reads them.
 * {@link io.kmcp.domain.redaction.Redactor} decides from key names and value formats ({@link
 * io.kmcp.domain.redaction.CredentialNames}, {@link io.kmcp.domain.redaction.ValueFormat}) in a {@link
 * io.kmcp.domain.redaction.RedactionMode}; {@link io.kmcp.domain.redaction.RedactionMarker} is the text
 * that stands in for a hidden value, and finds it again in a manifest an agent sends back.
 */
package io.kmcp.domain.redaction;
