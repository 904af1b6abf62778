#!/usr/bin/env bash
# Creates workers/training/.venv (Python 3.11) with the pinned packages of workers/training/requirements.txt and
# makes the `intraday_training` package importable from it. Idempotent: a stamp holds the hash of the
# requirements and the interpreter version, and a run with nothing changed prints nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."

log() { printf '[setup:python] %s\n' "$*" >&2; }

dir=workers/training
venv="$dir/.venv"
stamp="$venv/.setup-stamp"

python=""
for candidate in python3.11 python3; do
  if command -v "$candidate" > /dev/null &&
    "$candidate" -c 'import sys; sys.exit(0 if sys.version_info[:2] >= (3, 10) else 1)' 2> /dev/null; then
    python=$(command -v "$candidate")
    break
  fi
done
[ -n "$python" ] || {
  log "Python >= 3.10 (3.11 preferred) is required for the training worker"
  exit 1
}

want=$( { cat "$dir/requirements.txt"; "$python" --version; } | sha256sum | cut -d' ' -f1)
have=""
[ -f "$stamp" ] && have=$(cat "$stamp")
if [ "$want" = "$have" ] && [ -x "$venv/bin/python" ]; then
  exit 0
fi

log "installing $dir/requirements.txt into $venv ($("$python" --version))"
[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$dir/requirements.txt"
# The package itself: a .pth file puts workers/training on the venv's path (what an editable install does,
# without a build step), so `.venv/bin/python -m intraday_training` works from any folder.
site=$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
realpath "$dir" > "$site/intraday_training.pth"
"$venv/bin/python" -c 'import intraday_training, lightgbm, xgboost, onnx, onnxmltools, onnxruntime, pyarrow, temporalio'
echo "$want" > "$stamp"
log "ready: $venv/bin/python -m intraday_training --help"
