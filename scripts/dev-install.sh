#!/usr/bin/env bash
# Re-link the editable install after adding a module: strict editable mode links files once.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf build/__editable__.dealbot-*
log=$(mktemp)
if ! .venv/bin/python -m pip install -q --disable-pip-version-check -e ".[dev]" \
    --config-settings editable_mode=strict >"$log" 2>&1; then
    cat "$log"; exit 1
fi
rm -f "$log"
