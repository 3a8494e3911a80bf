package io.kmcp.bootstrap.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An image archive as a container engine reads it: the OCI layout's index, the manifest it names, the
 * config and layers the manifest names, each found by its digest and checked against it once, on opening.
 */
record OciArchive(Path directory, JsonNode index, JsonNode manifest, JsonNode config, JsonNode dockerManifest) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Unpacks the archive's tar into {@code directory}, reads it, and checks every blob against its digest. */
    static OciArchive open(Path archive, Path directory) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        run(List.of("tar", "-xf", archive.toString(), "-C", directory.toString()));
        JsonNode index = JSON.readTree(directory.resolve("index.json").toFile());
        String manifestDigest = index.path("manifests").path(0).path("digest").asText();
        verify(directory, manifestDigest);
        JsonNode manifest = JSON.readTree(blob(directory, manifestDigest).toFile());
        verify(directory, manifest.path("config").path("digest").asText());
        for (JsonNode layer : manifest.path("layers")) {
            verify(directory, layer.path("digest").asText());
        }
        JsonNode config = JSON.readTree(
                blob(directory, manifest.path("config").path("digest").asText()).toFile());
        JsonNode dockerManifest =
                JSON.readTree(directory.resolve("manifest.json").toFile());
        return new OciArchive(directory, index, manifest, config, dockerManifest);
    }

    /** The layers' titles, in the order they are applied. */
    List<String> layerTitles() {
        List<String> titles = new ArrayList<>();
        manifest.path("layers")
                .forEach(layer -> titles.add(layer.path("annotations")
                        .path("org.opencontainers.image.title")
                        .asText()));
        return titles;
    }

    /** The paths a layer holds, as {@code tar -t} lists them. */
    List<String> layerPaths(String title) throws IOException, InterruptedException {
        int position = layerTitles().indexOf(title);
        if (position < 0) {
            throw new IllegalArgumentException("no layer " + title + " in " + layerTitles());
        }
        String digest = manifest.path("layers").path(position).path("digest").asText();
        return run(List.of("tar", "-tzf", blob(directory, digest).toString()));
    }

    /** Applies every layer, in order, onto {@code rootfs}, as a container engine does. */
    void unpackInto(Path rootfs) throws IOException, InterruptedException {
        Files.createDirectories(rootfs);
        for (JsonNode layer : manifest.path("layers")) {
            run(List.of(
                    "tar",
                    "-xzf",
                    blob(directory, layer.path("digest").asText()).toString(),
                    "-C",
                    rootfs.toString(),
                    "--same-owner",
                    "--numeric-owner"));
        }
    }

    JsonNode runConfig() {
        return config.path("config");
    }

    /** The file of the blob a digest names. */
    static Path blob(Path directory, String digest) {
        if (!digest.startsWith("sha256:")) {
            throw new IllegalStateException("not a sha256 digest: " + digest);
        }
        return directory.resolve("blobs/sha256").resolve(digest.substring("sha256:".length()));
    }

    /** Fails unless the blob a digest names is what the digest says. */
    private static void verify(Path directory, String digest) throws IOException, InterruptedException {
        Path blob = blob(directory, digest);
        String actual = run(List.of("sha256sum", blob.toString())).get(0).split(" ")[0];
        if (!digest.equals("sha256:" + actual)) {
            throw new IllegalStateException(blob + " has digest sha256:" + actual + ", not " + digest);
        }
    }

    private static List<String> run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines;
        try (var output = process.inputReader()) {
            lines = output.lines().toList();
        }
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + String.join("\n", lines));
        }
        return lines;
    }
}
