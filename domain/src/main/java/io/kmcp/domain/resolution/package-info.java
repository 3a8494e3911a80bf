/**
 * Which resource type a caller means: a {@link io.kmcp.domain.type.TypeReference} looked up in an
 * {@link io.kmcp.domain.type.ApiCatalog} under an {@link io.kmcp.domain.policy.AccessPolicy}, with
 * one of four outcomes ({@link io.kmcp.domain.resolution.Resolution}). Only exact names select a
 * type; near misses become suggestions, never a silent choice.
 */
package io.kmcp.domain.resolution;
