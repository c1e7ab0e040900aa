#!/usr/bin/env bash
# Installs the pinned GeoReport client (requirements.txt beside this file) into a virtual environment at $1, once:
# an environment that already imports it is reused. .ci/run calls it while npm installs; the Open311 client suite
# calls it too when run on its own. Bounded, so a stalled index cannot hold a run up.
set -euo pipefail
venv=$1
here=$(cd "$(dirname "$0")" && pwd)
if "$venv/bin/python" -c 'import georeport' >/dev/null 2>&1; then exit 0; fi
rm -rf "$venv"
python3 -m venv "$venv"
timeout 300 "$venv/bin/pip" install --quiet --disable-pip-version-check --no-input -r "$here/requirements.txt"
"$venv/bin/python" -c 'import georeport'
