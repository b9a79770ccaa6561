#!/usr/bin/env bash
# Installs the one font the chart renderer needs: Noto Sans CJK draws Latin, Japanese, Chinese
# and Cyrillic, so every language dealbot speaks comes out as glyphs rather than boxes.
# Idempotent: does nothing when the package is already there. Needs root (apt-get).
set -euo pipefail

PACKAGE=fonts-noto-cjk

if dpkg-query -W -f='${Status}' "$PACKAGE" 2>/dev/null | grep -q "install ok installed"; then
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "install_fonts.sh: $PACKAGE is missing and apt-get needs root: sudo $0" >&2
    exit 1
fi

echo "== installing $PACKAGE (chart labels in Japanese, Chinese and Russian)"
apt-get update -qq
# Recommends would add the much larger -extra weights; the renderer needs only Regular and Bold.
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$PACKAGE" >/dev/null
