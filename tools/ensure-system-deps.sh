#!/usr/bin/env bash
# Finds the system pieces the tests need (Chromium for Playwright, redis-server for the Redis backend,
# colour emoji and CJK fonts for the screenshots) and installs them on Debian/Ubuntu as root. Never
# downloads a browser of its own.
set -euo pipefail

missing=()
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium_path" ] || missing+=(chromium)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
# Player names carry emoji; without a colour emoji font they render as boxes and the screenshot
# references (made with this font) would not match.
# The same for Chinese and Japanese names (a small font, 1.6 MB, that only fills in CJK glyphs).
if command -v dpkg >/dev/null 2>&1; then
  dpkg -s fonts-noto-color-emoji >/dev/null 2>&1 || missing+=(fonts-noto-color-emoji)
  dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || missing+=(fonts-wqy-microhei)
fi

[ ${#missing[@]} -eq 0 ] && exit 0

if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing ${missing[*]} with apt-get…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi

echo "The tests need: ${missing[*]}. Install them (Debian/Ubuntu: sudo apt-get install -y ${missing[*]}), or set CHROMIUM_PATH to a Chromium binary." >&2
exit 1
