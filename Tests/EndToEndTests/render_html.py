#!/usr/bin/env python3
"""Opens an HTML page in headless Chromium, takes a screenshot and checks it rendered without console errors.

Usage: python3 Tests/EndToEndTests/render_html.py FILE.html OUT.png [WIDTH HEIGHT]

Loads the page with `chromium --headless --screenshot` at WIDTH × HEIGHT (default 1200 × 900) and
`--enable-logging=stderr --v=0`, which prints every console message as a `CONSOLE` line. Decodes the PNG with
render_svg.decode_png and prints the share of pixels that differ from the background and the colour count.
Exits 0 when at least 2 % of the pixels are drawn, there are at least 4 colours and no console message was logged,
1 when the page is blank or logged to the console, 2 when Chromium is missing or fails.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from render_svg import drawn_share, screenshot  # noqa: E402


def main():
    if len(sys.argv) not in (3, 5):
        sys.exit(__doc__)
    page, png = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    width, height = (int(sys.argv[3]), int(sys.argv[4])) if len(sys.argv) == 5 else (1200, 900)
    log = screenshot("file://" + page, png, width, height, ("--enable-logging=stderr", "--v=0"))
    console = [line for line in log.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    w, h, share, colours = drawn_share(png)
    print(f"{w}x{h} png, {share:.1%} drawn, {colours} colours, {len(console)} console messages")
    for line in console:
        print(line)
    sys.exit(0 if share >= 0.02 and colours >= 4 and not console else 1)


if __name__ == "__main__":
    main()
