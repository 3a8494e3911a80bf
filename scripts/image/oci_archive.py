#!/usr/bin/env python3
"""Writes a container image as one tar file from directory trees, without a container engine.

The tar is an OCI image layout (oci-layout, index.json, blobs/sha256/...) that podman load, skopeo
(oci-archive:) and docker load (25 and later) read, with a docker-archive manifest.json beside it for
older docker load. Layers are gzip-compressed tars written in a fixed order with fixed times and owners,
so that the same inputs give the same bytes, and each layer's digest changes only when its files do.

    oci_archive.py SPEC.json OUTPUT.tar

SPEC.json:
    {"created": <epoch seconds>, "tag": "k-mcp:0.1.0", "config": {...the image config's "config"...},
     "layers": [{"name": "base", "root": "/dir", "paths": ["."], "exclude": [],
                 "owners": {"home/nonroot": [65532, 65532]}, "comment": "..."}, ...]}

Each layer takes, under its root, the paths given (files or directories, globs allowed), minus the
excluded globs, with their parent directories; entries are owned by root unless "owners" says otherwise.
"""

import datetime
import fnmatch
import glob
import gzip
import hashlib
import io
import json
import os
import stat
import sys
import tarfile


def layer_entries(layer):
    root = layer["root"]
    excluded = layer.get("exclude", [])
    chosen = set()
    for pattern in layer["paths"]:
        matches = sorted(glob.glob(os.path.join(root, pattern)))
        if not matches:
            raise SystemExit(f"layer {layer['name']}: nothing matches {pattern} under {root}")
        for match in matches:
            relative = os.path.relpath(match, root)
            if os.path.isdir(match) and not os.path.islink(match):
                for directory, subdirectories, files in os.walk(match):
                    subdirectories.sort()
                    for name in [""] + sorted(files) + subdirectories:
                        chosen.add(os.path.normpath(os.path.relpath(os.path.join(directory, name), root)))
            else:
                chosen.add(relative)
    chosen = {path for path in chosen if not any(fnmatch.fnmatch(path, glob_) for glob_ in excluded)}
    parents = set()
    for path in chosen:
        parent = os.path.dirname(path)
        while parent:
            parents.add(parent)
            parent = os.path.dirname(parent)
    return sorted((chosen | parents) - {"."})


def layer_tar(layer, created):
    """The uncompressed tar of one layer."""
    owners = layer.get("owners", {})
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for path in layer_entries(layer):
            source = os.path.join(layer["root"], path)
            info = tar.gettarinfo(source, arcname=path)
            info.uid, info.gid = owners.get(path, (0, 0))
            info.uname = info.gname = ""
            info.mtime = created
            # Sticky /tmp keeps its mode; everything else is readable by all and writable by its owner only.
            if info.isdir():
                info.mode = stat.S_IMODE(os.lstat(source).st_mode) if path == "tmp" else 0o755
            elif info.isreg():
                info.mode = 0o755 if os.access(source, os.X_OK) else 0o644
            if info.isreg():
                with open(source, "rb") as content:
                    tar.addfile(info, content)
            else:
                tar.addfile(info)
    return buffer.getvalue()


def blob(output, data):
    digest = hashlib.sha256(data).hexdigest()
    info = tarfile.TarInfo(f"blobs/sha256/{digest}")
    info.size = len(data)
    info.mode = 0o644
    output.addfile(info, io.BytesIO(data))
    return f"sha256:{digest}"


def main(spec_file, output_file):
    with open(spec_file) as f:
        spec = json.load(f)
    created = int(spec["created"])
    created_text = datetime.datetime.fromtimestamp(created, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    partial = output_file + ".partial"
    with tarfile.open(partial, mode="w", format=tarfile.PAX_FORMAT) as output:
        layers, diff_ids, history = [], [], []
        for layer in spec["layers"]:
            plain = layer_tar(layer, created)
            compressed = gzip.compress(plain, compresslevel=6, mtime=0)
            digest = blob(output, compressed)
            layers.append({"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip",
                           "digest": digest, "size": len(compressed),
                           "annotations": {"org.opencontainers.image.title": layer["name"]}})
            diff_ids.append("sha256:" + hashlib.sha256(plain).hexdigest())
            history.append({"created": created_text, "created_by": layer["comment"]})
            print(f"[image] layer {layer['name']}: {len(plain) / 1048576:.1f} MiB, "
                  f"{len(compressed) / 1048576:.1f} MiB compressed", file=sys.stderr)
        config = {"created": created_text, "architecture": "amd64", "os": "linux", "config": spec["config"],
                  "rootfs": {"type": "layers", "diff_ids": diff_ids}, "history": history}
        config_bytes = json.dumps(config, indent=2, sort_keys=True).encode()
        config_digest = blob(output, config_bytes)
        manifest = {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                    "config": {"mediaType": "application/vnd.oci.image.config.v1+json",
                               "digest": config_digest, "size": len(config_bytes)},
                    "layers": layers,
                    "annotations": spec["config"].get("Labels", {})}
        manifest_bytes = json.dumps(manifest, indent=2, sort_keys=True).encode()
        manifest_digest = blob(output, manifest_bytes)
        repository, tag = spec["tag"].rsplit(":", 1)
        index = {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json",
                 "manifests": [{"mediaType": "application/vnd.oci.image.manifest.v1+json",
                                "digest": manifest_digest, "size": len(manifest_bytes),
                                "annotations": {"org.opencontainers.image.ref.name": tag,
                                                "io.containerd.image.name": f"docker.io/library/{repository}:{tag}"}}]}
        docker_manifest = [{"Config": "blobs/sha256/" + config_digest.split(":")[1],
                            "RepoTags": [spec["tag"]],
                            "Layers": ["blobs/sha256/" + layer["digest"].split(":")[1] for layer in layers]}]
        for name, content in (("oci-layout", {"imageLayoutVersion": "1.0.0"}), ("index.json", index),
                              ("manifest.json", docker_manifest)):
            data = json.dumps(content, indent=2, sort_keys=True).encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mode = 0o644
            output.addfile(info, io.BytesIO(data))
    os.replace(partial, output_file)
    print(f"[image] wrote {output_file}: {os.path.getsize(output_file) / 1048576:.1f} MiB, manifest {manifest_digest}",
          file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("usage: oci_archive.py SPEC.json OUTPUT.tar")
    main(sys.argv[1], sys.argv[2])
