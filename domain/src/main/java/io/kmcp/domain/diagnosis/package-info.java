/**
 * Diagnosis of workloads as pure functions: snapshots parsed from raw API objects, the graph of
 * objects around a workload, and the rules that name what is wrong with the evidence for it. Nothing
 * here talks to a cluster, so the rules apply as well to objects saved from one.
 */
package io.kmcp.domain.diagnosis;
