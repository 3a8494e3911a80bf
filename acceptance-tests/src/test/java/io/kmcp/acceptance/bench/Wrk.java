package io.kmcp.acceptance.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * wrk (Debian's package, installed by {@code scripts/wrk/install.sh}) driving one {@link HttpCall} over
 * a number of keep-alive connections for a while. A Lua script written here gives each request its
 * headers, its body and a JSON-RPC id of its own, counts the answers that are not a success (a status
 * other than 200, an {@code "isError":true}, a JSON-RPC error), and prints the numbers on one line that
 * {@link #parse} reads.
 */
final class Wrk {

    static final String RESULT_LINE = "WRK_RESULT";
    static final String FAILURE_LINE = "WRK_FIRST_FAILURE";

    private final Path executable;
    private final Path work;
    private final Duration timeout;

    /**
     * @param executable the wrapper {@code scripts/wrk/install.sh} prints
     * @param work where the scripts and outputs go
     * @param timeout wrk's {@code --timeout}: an answer slower than this counts as an error
     */
    Wrk(Path executable, Path work, Duration timeout) {
        this.executable = executable;
        this.work = work;
        this.timeout = timeout;
    }

    /**
     * What one wrk run measured.
     *
     * @param requests answers received
     * @param durationMicros how long wrk ran
     * @param socketErrors connect, read and write errors and timeouts
     * @param failed answers that were not a success (see the class)
     * @param firstFailure the first such answer's status and body's start, if any
     */
    record Result(
            long requests,
            long durationMicros,
            long p50Micros,
            long p90Micros,
            long p99Micros,
            long maxMicros,
            long socketErrors,
            long failed,
            Optional<String> firstFailure) {

        double callsPerSecond() {
            return durationMicros == 0 ? 0 : requests * 1_000_000.0 / durationMicros;
        }

        boolean clean() {
            return socketErrors == 0 && failed == 0;
        }
    }

    /** The version line wrk prints. */
    String version() {
        try {
            Process process = new ProcessBuilder(executable.toString(), "-v")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(10, TimeUnit.SECONDS);
            // "wrk debian/4.1.0-3+b2 [epoll] Copyright (C) 2012 Will Glozer": the name and version.
            String[] words = out.lines().findFirst().orElse("wrk").strip().split("\\s+");
            return words.length >= 2 ? words[0] + " " + words[1] : words[0];
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + executable, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs wrk with {@code connections} connections (on one thread, or two from two connections on)
     * for {@code duration}, and returns what it measured.
     */
    Result run(String label, HttpCall call, int connections, Duration duration) {
        String name = label.replaceAll("[^A-Za-z0-9_.-]+", "-");
        Path script = work.resolve(name + ".lua");
        Path output = work.resolve(name + ".out");
        int threads = Math.min(connections, 2);
        try {
            Files.createDirectories(work);
            Files.writeString(script, script(call), StandardCharsets.UTF_8);
            List<String> command = List.of(
                    executable.toString(),
                    "-t",
                    Integer.toString(threads),
                    "-c",
                    Integer.toString(connections),
                    "-d",
                    Math.max(1, duration.toSeconds()) + "s",
                    "--timeout",
                    Math.max(1, timeout.toSeconds()) + "s",
                    "-s",
                    script.toString(),
                    call.uri().toString());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(duration.toSeconds() + timeout.toSeconds() + 30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("wrk did not finish: " + String.join(" ", command));
            }
            String out = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("wrk exited with " + process.exitValue() + ": " + out);
            }
            return parse(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run wrk for " + label, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The Lua script that makes wrk send {@code call}. */
    static String script(HttpCall call) {
        StringBuilder lua = new StringBuilder();
        lua.append("-- Written by the throughput benchmark (io.kmcp.acceptance.bench.Wrk).\n");
        lua.append("local method = ").append(quote(call.method())).append("\n");
        lua.append("local headers = {\n");
        call.headers()
                // "[ [==[": "[[" would open a long string.
                .forEach((name, value) -> lua.append("  [ ")
                        .append(quote(name))
                        .append(" ] = ")
                        .append(quote(value))
                        .append(",\n"));
        lua.append("}\n");
        if (call.body().isPresent()) {
            String template = call.body().get();
            int at = template.indexOf(HttpCall.ID);
            lua.append("local before_id = ")
                    .append(quote(template.substring(0, at)))
                    .append("\n");
            lua.append("local after_id = ")
                    .append(quote(template.substring(at + HttpCall.ID.length())))
                    .append("\n");
        }
        lua.append("""
                local threads = {}
                local thread_count = 0

                function setup(thread)
                  thread:set("thread_number", thread_count)
                  thread_count = thread_count + 1
                  table.insert(threads, thread)
                end

                function init(args)
                  sent = 0
                  failed = 0
                  failure = ""
                end

                """);
        if (call.body().isPresent()) {
            lua.append("""
                    -- A JSON-RPC id of its own for every request: thread number * 10^9 + its count.
                    function request()
                      sent = sent + 1
                      local id = string.format("%d", thread_number * 1000000000 + sent)
                      return wrk.format(method, wrk.path, headers, before_id .. id .. after_id)
                    end
                    """);
        } else {
            lua.append("""
                    wrk.method = method
                    for name, value in pairs(headers) do wrk.headers[name] = value end
                    """);
        }
        lua.append("""

                function response(status, response_headers, body)
                  if status ~= 200
                      or string.find(body, '"isError":true', 1, true)
                      or string.find(body, '"error":{', 1, true) then
                    failed = failed + 1
                    if failure == "" then
                      failure = status .. " " .. string.sub(body, 1, 400)
                    end
                  end
                end

                function done(summary, latency, requests)
                  local failed_total = 0
                  local first = ""
                  for _, thread in ipairs(threads) do
                    failed_total = failed_total + thread:get("failed")
                    local failure = thread:get("failure")
                    if first == "" and failure ~= nil then first = failure end
                  end
                  local errors = summary.errors
                  io.write(string.format(
                    "WRK_RESULT requests=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d"
                      .. " socket_errors=%d failed=%d\\n",
                    summary.requests, summary.duration,
                    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
                    errors.connect + errors.read + errors.write + errors.timeout, failed_total))
                  if first ~= "" then
                    io.write("WRK_FIRST_FAILURE " .. (string.gsub(first, "[\\r\\n]+", " ")) .. "\\n")
                  end
                end
                """);
        return lua.toString();
    }

    /** What wrk measured, from its output. */
    static Result parse(String output) {
        String line = output.lines()
                .filter(candidate -> candidate.startsWith(RESULT_LINE + " "))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk printed no result line:\n" + output));
        Map<String, Long> values = new HashMap<>();
        for (String pair : line.substring(RESULT_LINE.length()).strip().split("\\s+")) {
            int equals = pair.indexOf('=');
            values.put(pair.substring(0, equals), Long.parseLong(pair.substring(equals + 1)));
        }
        List<String> missing = new ArrayList<>();
        for (String key :
                List.of("requests", "duration_us", "p50_us", "p90_us", "p99_us", "max_us", "socket_errors", "failed")) {
            if (!values.containsKey(key)) {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("wrk's result line lacks " + missing + ": " + line);
        }
        Optional<String> failure = output.lines()
                .filter(candidate -> candidate.startsWith(FAILURE_LINE + " "))
                .map(candidate -> candidate.substring(FAILURE_LINE.length() + 1))
                .findFirst();
        return new Result(
                values.get("requests"),
                values.get("duration_us"),
                values.get("p50_us"),
                values.get("p90_us"),
                values.get("p99_us"),
                values.get("max_us"),
                values.get("socket_errors"),
                values.get("failed"),
                failure);
    }

    /** A Lua string literal: a long bracket of a level that the text does not close. */
    static String quote(String text) {
        String level = "=";
        while (text.contains("]" + level + "]")) {
            level += "=";
        }
        // A long bracket drops a newline right after its opening: none is ever first here, but keep it so.
        String opening = "[" + level + "[" + (text.startsWith("\n") ? "\n" : "");
        return opening + text + "]" + level + "]";
    }
}
