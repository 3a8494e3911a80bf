package io.kmcp.adapters.kubernetes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of k-mcp, written into a resource by the build, for the User-Agent of every request. */
final class KmcpVersion {

    private static final String RESOURCE = "version.properties";

    private KmcpVersion() {}

    static String userAgent() {
        return "k-mcp/" + version();
    }

    static String version() {
        try (InputStream in = KmcpVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "unknown").strip();
            // An unfiltered file (run from an IDE without the build) still identifies k-mcp.
            return version.isEmpty() || version.startsWith("${") ? "unknown" : version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
