/**
 * Whether an object applied a moment ago has become what it was applied for: a rollout complete, a
 * Job done, a Ready condition true; or a failure that no amount of waiting mends. Pure functions of
 * the object and its pods, so the same answer holds for objects saved from a cluster.
 */
package io.kmcp.domain.readiness;
