package io.kmcp.bootstrap.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.kmcp.adapters.kubernetes.testbed.ClusterPki;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in Kubernetes API server for runs that need one but not a real cluster: the AOT training run
 * of the build and the launcher's tests. HTTPS with a CA of its own, the service-account issuer's
 * discovery document and keys, the API discovery a kube-apiserver 1.36 serves (captured from one), a
 * crash-looping Deployment in namespace {@code demo} with its pods, events, logs and neighbours, and
 * server-side apply answered by echoing the object. Lists honour equality label and field selectors;
 * anything unknown is an empty list or a 404, as a real API server answers. Holds no state between
 * requests beyond the canned objects, so it accepts every token without checking it: k-mcp is the one
 * whose verification matters here.
 */
public final class StubApiServer implements AutoCloseable {

    public static final String ISSUER = "https://kubernetes.default.svc.cluster.local";
    public static final String NAMESPACE = "demo";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String KEY_ID = "stub-signing-key";

    private final ClusterPki pki;
    private final HttpsServer server;
    private final ExecutorService executor;
    private final Map<String, String> discovery;
    private final List<StoredObject> objects;
    private final Path caFile;
    private final AtomicInteger requests = new AtomicInteger();

    private StubApiServer(Path workDir) throws IOException {
        pki = ClusterPki.generate("stub");
        discovery = discovery();
        objects = objects(discovery);
        caFile = workDir.resolve("stub-ca.crt");
        Files.writeString(caFile, pki.caPem());
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setHttpsConfigurator(new HttpsConfigurator(pki.servingSslContext()));
        executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "stub-api-server");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts on a free loopback port; the CA file is written into {@code workDir}. */
    public static StubApiServer start(Path workDir) {
        try {
            return new StubApiServer(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the stub API server", e);
        }
    }

    public String apiServerUrl() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    public Path caFile() {
        return caFile;
    }

    /** How many requests were answered: a caller that expects k-mcp to have reached the cluster checks it. */
    public int requestCount() {
        return requests.get();
    }

    /**
     * A service-account token of {@code demo/agent} for k-mcp and this API server, with the audiences the
     * README tells operators to mint: the API server URL, {@code k-mcp} and the issuer.
     */
    public String mintToken(Duration lifetime) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("system:serviceaccount:" + NAMESPACE + ":agent")
                .audience(List.of(apiServerUrl(), "k-mcp", ISSUER))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(KEY_ID)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        try {
            jwt.sign(new RSASSASigner(pki.serviceAccountKeys().getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the stub token", e);
        }
        return jwt.serialize();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.length() > 1 && path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            if (method.equals("GET") && path.equals("/.well-known/openid-configuration")) {
                send(exchange, 200, "application/json", issuerDiscovery());
            } else if (method.equals("GET") && path.equals("/openid/v1/jwks")) {
                send(exchange, 200, "application/jwk-set+json", jwks());
            } else if (method.equals("GET") && discovery.containsKey(path)) {
                send(exchange, 200, "application/json", discovery.get(path));
            } else {
                ResourcePath resource = ResourcePath.parse(path);
                if (resource == null) {
                    status(exchange, 404, "NotFound", "the server could not find the requested resource");
                } else {
                    serve(exchange, method, resource);
                }
            }
        } catch (RuntimeException e) {
            status(exchange, 500, "InternalError", e.toString());
        }
    }

    private void serve(HttpExchange exchange, String method, ResourcePath path) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        switch (method) {
            case "GET" -> {
                if (path.name() == null) {
                    send(exchange, 200, "application/json", list(path, query));
                } else if ("log".equals(path.subresource())) {
                    send(exchange, 200, "text/plain", log(path.name()));
                } else {
                    StoredObject found = find(path);
                    if (found == null) {
                        status(exchange, 404, "NotFound", path.plural() + " \"" + path.name() + "\" not found");
                    } else {
                        send(exchange, 200, "application/json", JSON.writeValueAsString(found.object()));
                    }
                }
            }
            case "PATCH" -> {
                // Server-side apply: the applied object comes back as the live one would, created if absent.
                JsonNode applied = YAML.readTree(exchange.getRequestBody());
                if (!(applied instanceof ObjectNode object)) {
                    status(exchange, 400, "BadRequest", "the body is not an object");
                    return;
                }
                StoredObject existing = find(path);
                ObjectNode metadata = object.with("metadata");
                metadata.put("uid", existing == null ? UUID.randomUUID().toString() : existing.uid());
                metadata.put("resourceVersion", "2");
                metadata.put("creationTimestamp", Instant.now().toString().replaceFirst("\\.\\d+Z$", "Z"));
                send(exchange, existing == null ? 201 : 200, "application/json", JSON.writeValueAsString(object));
            }
            case "POST" -> {
                // A SelfSubjectReview (--verify-with-apiserver) or a create: answered with who is asking.
                ObjectNode body = (ObjectNode) JSON.readTree(exchange.getRequestBody());
                if ("SelfSubjectReview".equals(body.path("kind").asText())) {
                    body.with("status")
                            .with("userInfo")
                            .put("username", "system:serviceaccount:" + NAMESPACE + ":agent");
                }
                send(exchange, 201, "application/json", JSON.writeValueAsString(body));
            }
            default -> status(exchange, 405, "MethodNotAllowed", method + " is not served by the stub API server");
        }
    }

    private String list(ResourcePath path, Map<String, String> query) throws IOException {
        Map<String, String> labels = selector(query.get("labelSelector"));
        Map<String, String> fields = selector(query.get("fieldSelector"));
        ObjectNode list = JSON.createObjectNode();
        list.put("apiVersion", path.groupVersion());
        list.put("kind", "List");
        list.with("metadata").put("resourceVersion", "1");
        ArrayNode items = list.putArray("items");
        for (StoredObject object : objects) {
            if (object.matches(path.groupVersion(), path.plural(), path.namespace())
                    && object.hasLabels(labels)
                    && object.hasFields(fields)) {
                items.add(object.object());
            }
        }
        return JSON.writeValueAsString(list);
    }

    private StoredObject find(ResourcePath path) {
        return objects.stream()
                .filter(object -> object.matches(path.groupVersion(), path.plural(), path.namespace())
                        && object.name().equals(path.name()))
                .findFirst()
                .orElse(null);
    }

    private static String log(String pod) {
        return """
                2026-06-01T11:59:20Z starting web 1.4.2 in %s
                2026-06-01T11:59:21Z connecting to db:5432
                panic: cannot connect to database at db:5432
                """.formatted(pod);
    }

    private String issuerDiscovery() throws IOException {
        ObjectNode document = JSON.createObjectNode();
        document.put("issuer", ISSUER);
        document.put("jwks_uri", apiServerUrl() + "/openid/v1/jwks");
        document.putArray("response_types_supported").add("id_token");
        document.putArray("subject_types_supported").add("public");
        document.putArray("id_token_signing_alg_values_supported").add("RS256");
        return JSON.writeValueAsString(document);
    }

    private String jwks() {
        RSAKey key = new RSAKey.Builder((RSAPublicKey) pki.serviceAccountKeys().getPublic())
                .keyID(KEY_ID)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .build();
        return new JWKSet(key).toString(true);
    }

    private static void status(HttpExchange exchange, int code, String reason, String message) throws IOException {
        ObjectNode status = JSON.createObjectNode();
        status.put("kind", "Status");
        status.put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Failure");
        status.put("message", message);
        status.put("reason", reason);
        status.put("code", code);
        send(exchange, code, "application/json", JSON.writeValueAsString(status));
    }

    private static void send(HttpExchange exchange, int code, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(code, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.put(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    /** {@code a=b,c==d}; other operators ({@code !=}, {@code in}) are left out, which widens the answer. */
    private static Map<String, String> selector(String text) {
        Map<String, String> required = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return required;
        }
        for (String term : text.split(",")) {
            if (term.contains("!=") || !term.contains("=")) {
                continue;
            }
            String[] parts = term.split("==?", 2);
            required.put(parts[0].strip(), parts[1].strip());
        }
        return required;
    }

    private static Map<String, String> discovery() throws IOException {
        JsonNode all = JSON.readTree(resource("discovery.json"));
        Map<String, String> documents = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = all.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            documents.put(entry.getKey(), JSON.writeValueAsString(entry.getValue()));
        }
        return documents;
    }

    /** The canned objects, each with the plural its group version's discovery gives its kind. */
    private static List<StoredObject> objects(Map<String, String> discovery) throws IOException {
        Map<String, String> plurals = new HashMap<>();
        for (Map.Entry<String, String> document : discovery.entrySet()) {
            JsonNode list = JSON.readTree(document.getValue());
            if (!"APIResourceList".equals(list.path("kind").asText())) {
                continue;
            }
            for (JsonNode resource : list.path("resources")) {
                if (!resource.path("name").asText().contains("/")) {
                    plurals.put(
                            list.path("groupVersion").asText() + "/"
                                    + resource.path("kind").asText(),
                            resource.path("name").asText());
                }
            }
        }
        List<StoredObject> objects = new ArrayList<>();
        for (JsonNode node : JSON.readTree(resource("objects.json"))) {
            ObjectNode object = (ObjectNode) node;
            String key = object.path("apiVersion").asText() + "/"
                    + object.path("kind").asText();
            String plural = plurals.get(key);
            if (plural == null) {
                throw new IllegalStateException("the stub's discovery does not serve " + key);
            }
            objects.add(new StoredObject(object, plural));
        }
        return List.copyOf(objects);
    }

    private static InputStream resource(String name) {
        InputStream stream = StubApiServer.class.getResourceAsStream("/stub-api-server/" + name);
        if (stream == null) {
            throw new IllegalStateException("stub-api-server/" + name + " is missing from the test resources");
        }
        return stream;
    }

    /** {@code /api/v1[/namespaces/NS]/PLURAL[/NAME[/SUB]]} or the same under {@code /apis/GROUP/VERSION}. */
    record ResourcePath(String groupVersion, String namespace, String plural, String name, String subresource) {

        static ResourcePath parse(String path) {
            String[] segments = path.substring(1).split("/");
            int rest;
            String groupVersion;
            if (segments.length >= 3 && segments[0].equals("api")) {
                groupVersion = segments[1];
                rest = 2;
            } else if (segments.length >= 4 && segments[0].equals("apis")) {
                groupVersion = segments[1] + "/" + segments[2];
                rest = 3;
            } else {
                return null;
            }
            String namespace = null;
            if (segments.length - rest >= 3 && segments[rest].equals("namespaces")) {
                namespace = segments[rest + 1];
                rest += 2;
            }
            return new ResourcePath(
                    groupVersion,
                    namespace,
                    segments[rest],
                    segments.length > rest + 1 ? segments[rest + 1] : null,
                    segments.length > rest + 2 ? segments[rest + 2] : null);
        }
    }

    private record StoredObject(ObjectNode object, String plural) {

        String name() {
            return object.path("metadata").path("name").asText();
        }

        String uid() {
            return object.path("metadata").path("uid").asText();
        }

        boolean matches(String groupVersion, String wantedPlural, String namespace) {
            return object.path("apiVersion").asText().equals(groupVersion)
                    && plural.equals(wantedPlural)
                    && (namespace == null
                            || namespace.equals(
                                    object.path("metadata").path("namespace").asText()));
        }

        boolean hasLabels(Map<String, String> required) {
            JsonNode labels = object.path("metadata").path("labels");
            return required.entrySet().stream()
                    .allMatch(label ->
                            label.getValue().equals(labels.path(label.getKey()).asText(null)));
        }

        boolean hasFields(Map<String, String> required) {
            return required.entrySet().stream().allMatch(field -> {
                JsonNode value = object;
                for (String step : field.getKey().split("\\.")) {
                    value = value.path(step);
                }
                return field.getValue().equals(value.asText(null));
            });
        }
    }
}
