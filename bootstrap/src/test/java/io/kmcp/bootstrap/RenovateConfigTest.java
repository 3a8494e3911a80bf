package io.kmcp.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * renovate.json keeps the versions current that no package manager file declares: those the scripts
 * pin for the tools the tests build or install. Renovate says nothing when a pattern stops matching, so
 * a renamed variable would silently end the updates; this test says it instead. (Renovate's own
 * validator checks the options: {@code npx --package renovate -- renovate-config-validator --strict}.)
 */
@DisplayName("The Renovate configuration")
class RenovateConfigTest {

    private static final Path ROOT = Path.of(System.getProperty("kmcp.projectRoot", ".."))
            .toAbsolutePath()
            .normalize();

    private static final JsonNode CONFIG = read(ROOT.resolve("renovate.json"));

    @Test
    @DisplayName("finds, with each of its own patterns, exactly one version in each file it names")
    void everyCustomManagerFindsItsVersion() {
        List<JsonNode> managers = CONFIG.path("customManagers").valueStream().toList();
        assertThat(managers).isNotEmpty();
        for (JsonNode manager : managers) {
            String description = manager.path("description").asString();
            List<Path> files = filesMatching(manager.path("managerFilePatterns")
                    .valueStream()
                    .map(JsonNode::asString)
                    .toList());
            assertThat(files).as("the files of %s", description).isNotEmpty();
            for (JsonNode matchString : manager.path("matchStrings")) {
                Pattern pattern = Pattern.compile(matchString.asString());
                for (Path file : files) {
                    List<String> versions = versions(pattern, file);
                    assertThat(versions)
                            .as("%s in %s, with %s", description, ROOT.relativize(file), pattern)
                            .hasSize(1)
                            .allSatisfy(version -> assertThat(version).matches("v?[0-9][0-9A-Za-z.+-]*"));
                }
            }
        }
    }

    @Test
    @DisplayName("has a pattern for every version a script pins (NAME_VERSION=\"${KMCP_…:-version}\")")
    void coversEveryPinnedVersion() {
        List<JsonNode> managers = CONFIG.path("customManagers").valueStream().toList();
        Pattern pin = Pattern.compile("(?m)^\\s*\\w+_VERSION=\"\\$\\{KMCP_\\w+:-[^}]+}\"");
        List<Path> scripts = filesMatching(List.of("/\\.sh$/"));
        assertThat(scripts).isNotEmpty();
        List<String> pins = new ArrayList<>();
        for (Path script : scripts) {
            Matcher line = pin.matcher(readString(script));
            while (line.find()) {
                String found = ROOT.relativize(script) + ": " + line.group().strip();
                pins.add(found);
                assertThat(managers).as("a pattern for %s", found).anySatisfy(manager -> {
                    assertThat(filesMatching(manager.path("managerFilePatterns")
                                    .valueStream()
                                    .map(JsonNode::asString)
                                    .toList()))
                            .contains(script);
                    assertThat(manager.path("matchStrings").valueStream())
                            .anySatisfy(matchString -> assertThat(Pattern.compile(matchString.asString())
                                            .matcher(line.group())
                                            .find())
                                    .isTrue());
                });
            }
        }
        assertThat(pins).isNotEmpty();
    }

    @Test
    @DisplayName("looks into test sources too, where the k3s image is pinned (its presets would skip them)")
    void doesNotIgnoreTestSources() {
        assertThat(CONFIG.path("ignorePaths").valueStream().map(JsonNode::asString))
                .isNotEmpty()
                .noneMatch(path -> path.contains("test"));
    }

    private static List<String> versions(Pattern pattern, Path file) {
        Matcher matcher = pattern.matcher(readString(file));
        List<String> versions = new ArrayList<>();
        while (matcher.find()) {
            versions.add(matcher.group("currentValue"));
        }
        return versions;
    }

    /** Renovate's managerFilePatterns: a regular expression between slashes, on the path from the root. */
    private static List<Path> filesMatching(List<String> patterns) {
        List<Pattern> regexes = patterns.stream()
                .peek(pattern -> assertThat(pattern).startsWith("/").endsWith("/"))
                .map(pattern -> Pattern.compile(pattern.substring(1, pattern.length() - 1)))
                .toList();
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                    String name = directory.getFileName().toString();
                    return name.equals("target") || name.equals("node_modules") || name.equals(".git")
                            ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    String path = ROOT.relativize(file).toString();
                    if (regexes.stream().anyMatch(regex -> regex.matcher(path).find())) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static JsonNode read(Path file) {
        return JsonMapper.builder().build().readTree(readString(file));
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
