#!/usr/bin/env bash
# The whole check, from a fresh machine: install, start PostgreSQL, lint, type-check, test.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_URL="${DEALBOT_TEST_PG_URL:-postgresql+psycopg://dealbot:dealbot@127.0.0.1:5432/dealbot_test}"
export DEALBOT_TEST_PG_URL="$PG_URL"

start_postgres() {
    if ! command -v pg_ctlcluster >/dev/null 2>&1; then
        echo "== installing PostgreSQL"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    local version
    version=$(ls /etc/postgresql | sort -n | tail -n 1)
    pg_ctlcluster "$version" main start 2>/dev/null || true
    for _ in $(seq 1 60); do
        pg_isready -q -h 127.0.0.1 && break
        sleep 0.5
    done
    pg_isready -h 127.0.0.1
    # The server refuses to run as root; its own account creates our role and database.
    su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='dealbot'\"" | grep -q 1 \
        || su postgres -c "psql -qc \"CREATE ROLE dealbot LOGIN PASSWORD 'dealbot' SUPERUSER\""
    su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='dealbot_test'\"" | grep -q 1 \
        || su postgres -c "createdb -O dealbot dealbot_test"
}

echo "== installing dealbot and its development tools"
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
# Strict editable mode: the folders are linked into a `dealbot/` tree under build/, so that
# imports (and mypy) see exactly the installed namespace and nothing else.
rm -rf build/__editable__.dealbot-*
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[dev]" \
    --config-settings editable_mode=strict

# Charts draw Japanese, Chinese and Russian labels with one font; installs it only when missing.
bash scripts/install_fonts.sh

if [ "${DEALBOT_TEST_PG_URL}" = "postgresql+psycopg://dealbot:dealbot@127.0.0.1:5432/dealbot_test" ]; then
    echo "== starting PostgreSQL"
    start_postgres
fi

echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== mypy (the whole tree, tests included)"
linked=$(ls -d build/__editable__.dealbot-*)
MYPYPATH="$linked:tests" .venv/bin/mypy "$linked/dealbot" tests bench
echo "== import contracts"
.venv/bin/lint-imports
echo "== tests (SQLite and PostgreSQL)"
.venv/bin/pytest -q "$@"
