#!/usr/bin/env python3
"""The Teams app package of ChatOps: draws the two icons and builds the upload zip.

  python3 manifest/teams/package.py icons                 # (re)draws color.png 192x192 and outline.png 32x32
  python3 manifest/teams/package.py zip --app-id <GUID>   # writes manifest/teams/build/chatops-teams.zip

Only the standard library: the icons are drawn pixel by pixel and written as PNG with zlib, so the package can be
rebuilt anywhere Python runs. The zip holds manifest.json (bot id = the Azure Bot's Microsoft App ID) and both icons.
"""
import argparse
import json
import re
import struct
import sys
import zipfile
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
PLACEHOLDER = "00000000-0000-0000-0000-000000000000"
ACCENT = (0xC4, 0x31, 0x4B)  # the manifest's accentColor: alert red


def png(path, size, pixel):
    """Writes an RGBA PNG whose pixels come from pixel(x, y) -> (r, g, b, a)."""
    raw = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(size)) for y in range(size))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def mark(size, x, y):
    """True where the white mark is: a ring with an exclamation point inside (an incident alert)."""
    c = (size - 1) / 2
    dx, dy = (x - c) / size, (y - c) / size
    r = (dx * dx + dy * dy) ** 0.5
    ring = 0.36 <= r <= 0.46
    bar = abs(dx) <= 0.06 and -0.24 <= dy <= 0.08
    dot = (dx * dx + (dy - 0.19) ** 2) ** 0.5 <= 0.065
    return ring or bar or dot


def icons():
    png(HERE / "color.png", 192, lambda x, y: (255, 255, 255, 255) if mark(192, x, y) else (*ACCENT, 255))
    png(HERE / "outline.png", 32, lambda x, y: (255, 255, 255, 255) if mark(32, x, y) else (0, 0, 0, 0))


def build_zip(app_id):
    if not re.fullmatch(r"[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}", app_id):
        sys.exit(f"--app-id must be the bot's Microsoft App ID (a GUID), not '{app_id}'")
    manifest = json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))
    for bot in manifest.get("bots", []):
        bot["botId"] = app_id
    if "webApplicationInfo" in manifest:
        manifest["webApplicationInfo"]["id"] = app_id
    out = HERE / "build"
    out.mkdir(exist_ok=True)
    target = out / "chatops-teams.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False))
        z.write(HERE / "color.png", "color.png")
        z.write(HERE / "outline.png", "outline.png")
    print(target)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("icons")
    z = sub.add_parser("zip")
    z.add_argument("--app-id", required=True)
    args = parser.parse_args()
    icons() if args.command == "icons" else build_zip(args.app_id)


if __name__ == "__main__":
    main()
