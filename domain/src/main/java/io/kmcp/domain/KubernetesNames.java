package io.kmcp.domain;

import java.util.regex.Pattern;

/** The naming rules of Kubernetes (RFC 1123 labels and subdomains) that several values share. */
public final class KubernetesNames {

    public static final int MAX_LABEL_LENGTH = 63;
    public static final int MAX_SUBDOMAIN_LENGTH = 253;

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private KubernetesNames() {}

    /** A DNS-1123 label: namespaces, most short names, versions. */
    public static boolean isDns1123Label(String text) {
        return text != null
                && text.length() <= MAX_LABEL_LENGTH
                && LABEL.matcher(text).matches();
    }

    /**
     * A DNS-1123 subdomain: names of most objects, API groups. As in Kubernetes, only the whole length
     * is bounded, not each dot-separated part.
     */
    public static boolean isDns1123Subdomain(String text) {
        return text != null
                && text.length() <= MAX_SUBDOMAIN_LENGTH
                && SUBDOMAIN.matcher(text).matches();
    }
}
