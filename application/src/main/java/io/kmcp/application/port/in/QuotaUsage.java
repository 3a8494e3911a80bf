package io.kmcp.application.port.in;

import java.util.Objects;

/** One resource of one ResourceQuota: what is used of what is allowed, as the API server reports it. */
public record QuotaUsage(String quota, String resource, String used, String hard) {

    public QuotaUsage {
        Objects.requireNonNull(quota, "quota");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(used, "used");
        Objects.requireNonNull(hard, "hard");
    }
}
