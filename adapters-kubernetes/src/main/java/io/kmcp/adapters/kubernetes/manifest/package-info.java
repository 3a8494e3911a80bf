/**
 * Manifests as an agent sends them (a stream of YAML or JSON documents), read into JSON-like maps by
 * a real parser with limits on size, count, depth and aliases, and errors that point at the line.
 */
package io.kmcp.adapters.kubernetes.manifest;
