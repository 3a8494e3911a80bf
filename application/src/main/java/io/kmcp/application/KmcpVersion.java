package io.kmcp.application;

/**
 * The version of k-mcp, from one source for everything that states it: the version the MCP server
 * announces, the User-Agent of every request to an API server, {@code --version}. The build writes
 * it into this module's jar manifest as {@code Implementation-Version}; run from classes (an IDE, a
 * reactor build that stops before packaging) there is no manifest, and the version is {@value
 * #UNPACKAGED}.
 */
public final class KmcpVersion {

    /** The version of a k-mcp not run from its jars. */
    public static final String UNPACKAGED = "dev";

    private KmcpVersion() {}

    public static String current() {
        return of(KmcpVersion.class.getPackage());
    }

    /** The implementation version of the package's jar, or {@value #UNPACKAGED} without one. */
    static String of(Package source) {
        String version = source == null ? null : source.getImplementationVersion();
        return version == null || version.isBlank() ? UNPACKAGED : version.strip();
    }
}
