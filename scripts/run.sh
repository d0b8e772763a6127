#!/usr/bin/env bash
# Set everything up and run the app on the bundled demo database (data/viften.duckdb).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# Editing in the app needs this password; the demo sets one so you can try it. Choose your own.
export VIFTEN_EDITOR_PASSWORD="${VIFTEN_EDITOR_PASSWORD:-viften}"
exec .venv/bin/streamlit run app.py --server.port "${PORT:-8501}" "$@"
