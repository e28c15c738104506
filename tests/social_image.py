"""Draws the social image (Open Graph / Twitter card): two overlapping circles,
one per role, on a dark blue gradient. Text-free, so one image serves both
languages. Standard library only; the output is deterministic.

Run once after changing the design, then commit the PNG:

    .venv/bin/python tests/social_image.py

hooks/seo.py announces the image with the size below.
"""

from __future__ import annotations

import math
import struct
import zlib
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent.parent / "overrides" / "assets" / "images" / "social.png"
WIDTH, HEIGHT = 1200, 630

TOP_LEFT, BOTTOM_RIGHT = (26, 35, 126), (57, 73, 171)  # Material indigo 900 -> 600
# (centre x, centre y, radius, colour, opacity)
CIRCLES = [
    (500, 315, 200, (121, 134, 203), 0.90),  # indigo 300: the Social Media Manager
    (700, 315, 200, (255, 255, 255), 0.60),  # white: the Community Manager
]
RING_WIDTH = 10  # a white outline, so the overlap reads at small sizes


def _mix(base, colour, alpha):
    return tuple(b + (c - b) * alpha for b, c in zip(base, colour))


def _coverage(distance: float, radius: float) -> float:
    """Anti-aliased inside-ness of a point at `distance` from a circle's centre."""
    return min(1.0, max(0.0, radius - distance + 0.5))


def pixel(x: int, y: int) -> tuple[int, int, int]:
    t = (x / WIDTH + y / HEIGHT) / 2
    colour = _mix(TOP_LEFT, BOTTOM_RIGHT, t)
    for cx, cy, radius, fill, opacity in CIRCLES:
        d = math.hypot(x + 0.5 - cx, y + 0.5 - cy)
        colour = _mix(colour, fill, opacity * _coverage(d, radius))
    for cx, cy, radius, _, _ in CIRCLES:
        d = math.hypot(x + 0.5 - cx, y + 0.5 - cy)
        ring = _coverage(d, radius) - _coverage(d, radius - RING_WIDTH)
        colour = _mix(colour, (255, 255, 255), ring)
    return tuple(round(c) for c in colour)


def png(width: int, height: int, rows) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = bytearray()
    previous = bytes(width * 3)
    for row in rows:
        raw.append(2)  # "Up" filter: the gradient changes slowly from row to row
        raw.extend((c - p) % 256 for c, p in zip(row, previous))
        previous = row
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b"")


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's header."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError("not a PNG file")
    return struct.unpack(">II", data[16:24])


def main() -> None:
    rows = (bytes(c for x in range(WIDTH) for c in pixel(x, y)) for y in range(HEIGHT))
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_bytes(png(WIDTH, HEIGHT, rows))
    print(f"wrote {OUTPUT.relative_to(Path.cwd()) if OUTPUT.is_relative_to(Path.cwd()) else OUTPUT} "
          f"({WIDTH}x{HEIGHT}, {OUTPUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
