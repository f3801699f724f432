#!/usr/bin/env python3
"""Builds www/data/digits.bin from the handwritten digits that scikit-learn ships.

Source: scikit-learn's wheel contains sklearn/datasets/data/digits.csv.gz, the test part of the UCI
"Optical Recognition of Handwritten Digits" data set (Alpaydin & Kaynak 1998, CC BY 4.0): 1,797
images of 8 x 8 pixels, each pixel a count 0..16, and the digit 0..9. Each CSV row is 64 pixel
values (row-major) followed by the label.

Usage: python3 scripts/make_digits.py [output path]   (needs pip and network access to PyPI)

Format of digits.bin (all integers little-endian):
    offset 0   4 bytes  magic b"TLD1"
    offset 4   u32      n, the number of images (1797)
    offset 8   u16      rows (8)
    offset 10  u16      cols (8)
    offset 12  n records of rows*cols + 1 bytes: the pixels row-major (0..16), then the label (0..9)
The Rust parser is src/core/data/digits.rs.
"""
import glob
import gzip
import os
import struct
import subprocess
import sys
import tempfile
import zipfile

MEMBER = "sklearn/datasets/data/digits.csv.gz"


def main() -> None:
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "www", "data", "digits.bin")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "scikit-learn", "--no-deps", "--only-binary=:all:", "-d", tmp, "-q"],
            check=True,
        )
        wheels = glob.glob(os.path.join(tmp, "scikit_learn-*.whl"))
        if not wheels:
            sys.exit("no scikit-learn wheel downloaded")
        with zipfile.ZipFile(wheels[0]) as whl:
            text = gzip.decompress(whl.read(MEMBER)).decode("ascii")
        print(f"read {MEMBER} from {os.path.basename(wheels[0])}")
    rows = [line.split(",") for line in text.splitlines() if line.strip()]
    records = bytearray()
    for i, row in enumerate(rows):
        values = [int(float(v)) for v in row]
        if len(values) != 65:
            sys.exit(f"row {i + 1}: {len(values)} values, expected 65")
        pixels, label = values[:64], values[64]
        if not all(0 <= p <= 16 for p in pixels) or not 0 <= label <= 9:
            sys.exit(f"row {i + 1}: value out of range")
        records.extend(pixels)
        records.append(label)
    data = b"TLD1" + struct.pack("<IHH", len(rows), 8, 8) + bytes(records)
    with open(out, "wb") as f:
        f.write(data)
    print(f"wrote {out}: {len(rows)} images, {len(data)} bytes")


if __name__ == "__main__":
    main()
