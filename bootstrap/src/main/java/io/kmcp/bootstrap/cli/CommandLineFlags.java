package io.kmcp.bootstrap.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The server's flags, compatible with the original k-mcp where they exist ({@code --port 9090} and
 * {@code --port=9090} both work), translated into Spring properties so that flags, {@code
 * application.yaml} and environment variables configure the same settings. Anything unknown stops
 * start-up with one line that says what to do.
 */
public final class CommandLineFlags {

    private static final String MANAGEMENT_PORT = "management.server.port";
    private static final String MANAGEMENT_ADDRESS = "management.server.address";

    /** Spring Boot's structured console logs; {@code --log-format json} writes Elastic Common Schema. */
    private static final String LOG_FORMAT = "logging.structured.format.console";

    /** flag → the Spring property it sets. */
    private static final Map<String, String> VALUED = Map.ofEntries(
            Map.entry("port", "server.port"),
            Map.entry("management-port", MANAGEMENT_PORT),
            Map.entry("log-format", LOG_FORMAT),
            Map.entry("bind-address", "server.address"),
            Map.entry("audience", "kmcp.audience"),
            Map.entry("api-server", "kmcp.api-server"),
            Map.entry("certificate-authority", "kmcp.certificate-authority"),
            Map.entry("tls-server-name", "kmcp.tls-server-name"),
            Map.entry("log-level", "logging.level.io.kmcp"),
            Map.entry("allowed-origins", "kmcp.allowed-origins"),
            Map.entry("restrict", "kmcp.restricted-types"),
            Map.entry("redact", "kmcp.redact.mode"),
            Map.entry("tls-cert", "server.ssl.certificate"),
            Map.entry("tls-key", "server.ssl.certificate-private-key"),
            Map.entry("request-state-key-file", "kmcp.request-state.key-file"),
            Map.entry("request-state-ttl", "kmcp.request-state.ttl"),
            Map.entry("tools", "kmcp.tools"),
            Map.entry("disabled-tools", "kmcp.disabled-tools"));

    /** Flags that may be given several times; their values make one list, in order. */
    private static final Set<String> REPEATABLE = Set.of("request-state-key-file");

    private static final Map<String, String> SWITCHES =
            Map.of("verify-with-apiserver", "kmcp.verify-with-apiserver", "read-only", "kmcp.read-only");

    private static final Set<String> LOG_LEVELS = Set.of("debug", "info", "warn", "error");

    private static final Set<String> REDACT_MODES = Set.of("credentials", "strict", "off");

    private static final Map<String, String> LOG_FORMATS = Map.of("json", "ecs", "text", "");

    private CommandLineFlags() {}

    /**
     * The Spring arguments ({@code --property=value}) for the given flags.
     *
     * @throws InvalidFlagException naming the flag and what it accepts
     */
    public static List<String> toSpringArguments(String... args) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new InvalidFlagException("unexpected argument \"" + arg + "\"; flags start with --, see --help");
            }
            String body = arg.substring(2);
            int equals = body.indexOf('=');
            String name = equals < 0 ? body : body.substring(0, equals);
            if (name.contains(".")) {
                // A Spring property given directly, for settings without a flag of their own.
                properties.put(name, equals < 0 ? "true" : body.substring(equals + 1));
                continue;
            }
            if (SWITCHES.containsKey(name)) {
                String value = equals < 0 ? "true" : body.substring(equals + 1);
                if (!value.equals("true") && !value.equals("false")) {
                    throw new InvalidFlagException(
                            "--" + name + " takes no value (or =true/=false), got \"" + value + "\"");
                }
                properties.put(SWITCHES.get(name), value);
                continue;
            }
            if (name.equals("insecure")) {
                throw new InvalidFlagException("--insecure is not supported: k-mcp always verifies the API server's"
                        + " certificate; pass --certificate-authority with the cluster's CA instead");
            }
            if (!VALUED.containsKey(name)) {
                throw new InvalidFlagException("unknown flag --" + name + "; see --help for the flags k-mcp accepts");
            }
            String value;
            if (equals >= 0) {
                value = body.substring(equals + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                throw new InvalidFlagException("--" + name + " needs a value, e.g. --" + name + "=" + example(name));
            }
            String property = VALUED.get(name);
            String checked = validated(name, value);
            properties.merge(
                    property, checked, (before, added) -> REPEATABLE.contains(name) ? before + "," + added : added);
        }
        boolean certificate = properties.containsKey(VALUED.get("tls-cert"));
        boolean key = properties.containsKey(VALUED.get("tls-key"));
        if (certificate != key) {
            throw new InvalidFlagException("--tls-cert and --tls-key go together: give both PEM files to serve HTTPS,"
                    + " or neither to serve plain HTTP");
        }
        if (certificate) {
            properties.put("server.ssl.enabled", "true");
        }
        if (properties.containsKey(MANAGEMENT_PORT)) {
            // The actuator's own server would listen on every interface otherwise; it follows --bind-address.
            properties.putIfAbsent(MANAGEMENT_ADDRESS, "${server.address}");
        }
        if ("".equals(properties.get(LOG_FORMAT))) {
            properties.remove(LOG_FORMAT);
        }
        List<String> springArguments = new ArrayList<>();
        properties.forEach((property, value) -> springArguments.add("--" + property + "=" + value));
        return springArguments;
    }

    private static String validated(String name, String value) {
        if (value.isBlank()) {
            throw new InvalidFlagException("--" + name + " needs a value, e.g. --" + name + "=" + example(name));
        }
        switch (name) {
            case "port", "management-port" -> {
                int port;
                try {
                    port = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    port = -1;
                }
                if (port < 0 || port > 65535) {
                    throw new InvalidFlagException(
                            "--" + name + " must be a number from 0 to 65535, got \"" + value + "\"");
                }
            }
            case "log-format" -> {
                String format = LOG_FORMATS.get(value.toLowerCase(Locale.ROOT));
                if (format == null) {
                    throw new InvalidFlagException("--log-format must be text or json; got \"" + value + "\"");
                }
                return format;
            }
            case "redact" -> {
                String mode = value.toLowerCase(Locale.ROOT);
                if (!REDACT_MODES.contains(mode)) {
                    throw new InvalidFlagException(
                            "--redact must be credentials, strict or off; got \"" + value + "\"");
                }
                return mode;
            }
            case "log-level" -> {
                String level = value.toLowerCase(Locale.ROOT);
                if (!LOG_LEVELS.contains(level)) {
                    throw new InvalidFlagException(
                            "--log-level must be one of debug, info, warn, error; got \"" + value + "\"");
                }
                return level;
            }
            case "api-server" -> {
                URI uri;
                try {
                    uri = new URI(value);
                } catch (URISyntaxException e) {
                    uri = null;
                }
                if (uri == null || !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                    throw new InvalidFlagException("--api-server must be an https URL with a host, e.g. "
                            + example(name) + "; got \"" + value + "\"");
                }
            }
            case "certificate-authority", "tls-cert", "tls-key", "request-state-key-file" -> {
                Path file = Path.of(value);
                if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                    throw new InvalidFlagException("--" + name + " " + value + " is not a readable file");
                }
                if (name.equals("certificate-authority") && !containsCertificate(file)) {
                    throw new InvalidFlagException("--certificate-authority " + value
                            + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
                }
            }
            default -> {
                // validated when the configuration is bound
            }
        }
        return value;
    }

    private static boolean containsCertificate(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).contains("-----BEGIN CERTIFICATE-----");
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private static String example(String name) {
        return switch (name) {
            case "port" -> "8080";
            case "management-port" -> "9090";
            case "log-format" -> "json";
            case "bind-address" -> "0.0.0.0";
            case "audience" -> "k-mcp";
            case "api-server" -> "https://203.0.113.10:6443";
            case "certificate-authority" -> "ca.crt";
            case "tls-server-name" -> "kubernetes.default.svc";
            case "log-level" -> "info";
            case "allowed-origins" -> "http://localhost:6274";
            case "restrict" -> "configmaps,sealedsecrets.bitnami.com";
            case "redact" -> "strict";
            case "tls-cert" -> "tls.crt";
            case "tls-key" -> "tls.key";
            case "request-state-key-file" -> "/etc/k-mcp/request-state/key";
            case "request-state-ttl" -> "10m";
            case "tools", "disabled-tools" -> "workload_diagnose,resource_list";
            default -> "value";
        };
    }

    public static String usage() {
        return """
                Usage: bin/k-mcp [flags]              (or java -jar k-mcp.jar [flags])
                       bin/k-mcp audit PATH...

                Serves MCP over Streamable HTTP at /mcp. Callers authenticate with a Kubernetes
                service-account token (Authorization: Bearer) whose audiences name this server
                and the API server; the API server's RBAC decides what they may do.

                Flags:
                  --port N                    HTTP port (default 8080)
                  --management-port N         serve /actuator (probes, /actuator/prometheus) on this port
                                              instead (default: the HTTP port)
                  --bind-address ADDR         address to listen on (default 127.0.0.1)
                  --audience NAME             the token audience that names this server (default k-mcp)
                  --api-server URL            the cluster's API server, https://HOST:PORT
                  --certificate-authority F   PEM file of the cluster's CA
                  --tls-server-name NAME      name to verify the API server's certificate against
                  --restrict LIST             more types to restrict, e.g. configmaps,sealedsecrets.bitnami.com
                  --redact MODE               hide credentials outside Secrets (env values, config map data,
                                              annotations, logs): credentials (default), strict or off
                  --allowed-origins LIST      browser origins allowed to call /mcp (default none)
                  --tls-cert F --tls-key F    serve HTTPS with this PEM certificate (chain) and key
                  --verify-with-apiserver     confirm each token with its API server (SelfSubjectReview, cached)
                  --read-only                 serve no tool that changes a cluster (no resource_apply)
                  --tools LIST                serve only these tools, e.g. workload_diagnose,resource_list
                  --disabled-tools LIST       never serve these tools
                  --request-state-key-file F  key (at least 32 bytes) that signs the confirmations of the
                                              sessionless protocol; give the same to every replica; repeat
                                              to rotate: the first signs, every one is accepted
                  --request-state-ttl D       how long a confirmation waits for its answer (default 10m)
                  --log-level LEVEL           debug, info, warn or error (default info)
                  --log-format FORMAT         text (default) or json (one JSON object a line, the audit
                                              line's tool, cluster, subject, outcome, millis as fields)
                  --some.spring.property=V    any other setting of application.yaml
                  --help, --version

                Commands:
                  audit PATH...               print every manifest document the policy would refuse
                """;
    }
}
