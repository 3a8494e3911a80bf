/** The use cases, each enforcing the domain's policy before any port reaches the cluster. */
package io.kmcp.application.service;
