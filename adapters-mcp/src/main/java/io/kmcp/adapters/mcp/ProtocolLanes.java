package io.kmcp.adapters.mcp;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One {@code /mcp}, two protocol lanes. A request that names a sessionless revision (2026-07-28) in
 * its {@code MCP-Protocol-Version} header goes to the sessionless lane; every other request keeps the
 * 2025-11-25 behaviour of the stateful lane. A request without the header and without a session that
 * still says 2026-07-28 in its {@code _meta} goes to the sessionless lane too, so that it is told the
 * header is missing in that revision's words rather than asked for a session.
 */
final class ProtocolLanes extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String VERSION_HEADER = "MCP-Protocol-Version";
    static final String SESSION_HEADER = "Mcp-Session-Id";
    static final String META_VERSION = "io.modelcontextprotocol/protocolVersion";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final transient HttpServlet stateful;
    private final transient HttpServlet sessionless;
    private final List<String> sessionlessVersions;

    ProtocolLanes(HttpServlet stateful, HttpServlet sessionless, List<String> sessionlessVersions) {
        this.stateful = Objects.requireNonNull(stateful, "stateful");
        this.sessionless = Objects.requireNonNull(sessionless, "sessionless");
        this.sessionlessVersions = List.copyOf(sessionlessVersions);
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        stateful.init(config);
        sessionless.init(config);
    }

    @Override
    public void destroy() {
        stateful.destroy();
        sessionless.destroy();
        super.destroy();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        List<String> versions = Collections.list(request.getHeaders(VERSION_HEADER));
        if (!versions.isEmpty()) {
            boolean modern = versions.size() == 1
                    && sessionlessVersions.contains(versions.get(0).strip());
            lane(modern).service((ServletRequest) request, (ServletResponse) response);
            return;
        }
        if (!"POST".equals(request.getMethod()) || request.getHeader(SESSION_HEADER) != null) {
            stateful.service((ServletRequest) request, (ServletResponse) response);
            return;
        }
        BufferedRequest buffered = new BufferedRequest(request);
        lane(sessionlessVersions.contains(metaVersion(buffered.body)))
                .service((ServletRequest) buffered, (ServletResponse) response);
    }

    private HttpServlet lane(boolean modern) {
        return modern ? sessionless : stateful;
    }

    /** {@code params._meta["io.modelcontextprotocol/protocolVersion"]}, or "" when there is none. */
    private static String metaVersion(byte[] body) {
        try {
            JsonNode version = JSON.readTree(body).path("params").path("_meta").path(META_VERSION);
            return version.isString() ? version.asString() : "";
        } catch (JacksonException | IllegalArgumentException notJson) {
            return "";
        }
    }

    /** A request whose body was read once to look at it, and can be read again by the lane. */
    private static final class BufferedRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedRequest(HttpServletRequest request) throws IOException {
            super(request);
            // The size limit filter has bounded the body before it gets here.
            this.body = request.getInputStream().readAllBytes();
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body is already read");
                }

                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset()));
        }

        private Charset charset() {
            try {
                String encoding = getCharacterEncoding();
                return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            } catch (IllegalArgumentException unknown) {
                return StandardCharsets.UTF_8;
            }
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }
    }
}
