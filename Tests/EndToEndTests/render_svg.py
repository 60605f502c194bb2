#!/usr/bin/env python3
"""Renders an SVG in headless Chromium and checks the picture is not blank.

Usage: python3 Tests/EndToEndTests/render_svg.py FILE.svg OUT.png [WIDTH HEIGHT]

Takes a screenshot with `chromium --headless` at WIDTH × HEIGHT (default 960 × 540, the plots' canvas), decodes
the PNG with the standard library (zlib and the five PNG filters) and prints the share of pixels that differ from
the background (the top-left pixel) and the number of distinct colours. Exits 0 when at least 2 % of the pixels
are drawn and there are at least 4 colours, 1 when the picture is blank, 2 when Chromium is missing or fails.
"""
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib


def decode_png(data):
    """(width, height, rows of (r, g, b) tuples) of an 8-bit, non-interlaced RGB or RGBA PNG."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError(f"unsupported PNG: depth {depth}, colour type {colour}, interlace {interlace}")
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous, offset = [], bytearray(stride), 0
    for _ in range(height):
        kind = raw[offset]
        line = bytearray(raw[offset + 1:offset + 1 + stride])
        offset += 1 + stride
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        rows.append([tuple(line[i:i + 3]) for i in range(0, stride, channels)])
        previous = line
    return width, height, rows


def screenshot(url, png, width, height, extra_flags=()):
    """Headless Chromium's screenshot of `url` into `png`; returns its standard error (console messages).
    Exits 2 when Chromium is missing or fails."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        print("chromium is missing: install the Debian package (apt-get install -y chromium)")
        sys.exit(2)
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", f"--user-data-dir={profile}",
             *extra_flags, f"--window-size={width},{height}", f"--screenshot={png}", url],
            capture_output=True, text=True, timeout=120)
    if result.returncode != 0 or not os.path.exists(png):
        print(f"chromium failed ({result.returncode}): {result.stderr[-500:]}")
        sys.exit(2)
    return result.stderr


def drawn_share(png):
    """(width, height, share of pixels differing from the top-left one, number of distinct colours)."""
    w, h, rows = decode_png(open(png, "rb").read())
    background = rows[0][0]
    drawn = sum(1 for row in rows for pixel in row if pixel != background)
    colours = len({pixel for row in rows for pixel in row})
    return w, h, drawn / (w * h), colours


def main():
    if len(sys.argv) not in (3, 5):
        sys.exit(__doc__)
    svg, png = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    width, height = (int(sys.argv[3]), int(sys.argv[4])) if len(sys.argv) == 5 else (960, 540)
    screenshot("file://" + svg, png, width, height)
    w, h, share, colours = drawn_share(png)
    print(f"{w}x{h} png, {share:.1%} drawn, {colours} colours")
    sys.exit(0 if share >= 0.02 and colours >= 4 else 1)


if __name__ == "__main__":
    main()
