#!/usr/bin/env bash
# Browser test of the course in JupyterLab: starts the project's JupyterLab (.venv) on loopback with
# the packaged kernel installed in a scratch prefix, opens copies of chapters 03 and 04 (or the
# notebooks named) with the small-data knobs, runs all cells from the Run menu in headless Chromium,
# and checks widgets, the live Trainer dashboard, tables, charts and the absence of errors.
# Run by kernel's JupyterLabBrowserIT (./visionbook test); by hand: kernel/src/test/browser/jupyterlab-check.sh [OUT]
# Needs: .venv with JupyterLab (./visionbook test installs it), chromium, node and npm. Fails loudly without them.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
out="$(mkdir -p "${1:-$root/kernel/target/browser-jupyterlab}" && cd "${1:-$root/kernel/target/browser-jupyterlab}" && pwd)"
shift || true
notebooks=("$@")
[ ${#notebooks[@]} -gt 0 ] || notebooks=(03-convolution-and-pooling.ipynb 04-lenet.ipynb)

venv="${VISIONBOOK_VENV:-$root/.venv}"
lab="$venv/bin/jupyter-lab"
[ -x "$lab" ] || { echo "JupyterLab is not installed in $venv: ./visionbook test installs it (or ./visionbook lab)" >&2; exit 1; }
. "$root/toolkit/src/test/browser/browser-tools.sh"

scratch="$(mktemp -d "${TMPDIR:-/tmp}/visionbook-lab-check.XXXXXX")"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$scratch"
}
trap cleanup EXIT

"$root/visionbook" install-kernel --prefix "$scratch/prefix" >/dev/null
mkdir -p "$scratch/nb" "$scratch/settings/@jupyterlab/notebook-extension"
for nb in "${notebooks[@]}"; do cp "$root/notebooks/$nb" "$scratch/nb/"; done
# every cell in the page (JupyterLab 4 otherwise renders only the cells in view)
echo '{"windowingMode": "none"}' > "$scratch/settings/@jupyterlab/notebook-extension/tracker.jupyterlab-settings"

read -r port token < <("$venv/bin/python" -c 'import secrets, socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1], secrets.token_hex(16))')
env JUPYTER_PATH="$scratch/prefix/share/jupyter" JUPYTER_CONFIG_DIR="$scratch/config" \
    JUPYTER_DATA_DIR="$scratch/data" JUPYTER_RUNTIME_DIR="$scratch/runtime" \
    VISIONBOOK_LIMIT=200 VISIONBOOK_EPOCHS=1 VISIONBOOK_DATASETS="$root/datasets" \
  "$lab" --no-browser --ip=127.0.0.1 --port="$port" --IdentityProvider.token="$token" \
    --ServerApp.root_dir="$scratch/nb" --LabApp.user_settings_dir="$scratch/settings" \
    --LabApp.workspaces_dir="$scratch/workspaces" --LabApp.expose_app_in_browser=True \
    --LabApp.news_url=None --allow-root >"$out/jupyterlab.log" 2>&1 &
server=$!

base="http://127.0.0.1:$port"
for _ in $(seq 1 120); do
  if "$venv/bin/python" -c "import sys, urllib.request
urllib.request.urlopen(sys.argv[1] + '/api/status?token=' + sys.argv[2], timeout=2)" "$base" "$token" 2>/dev/null; then
    break
  fi
  kill -0 "$server" 2>/dev/null || { echo "JupyterLab exited; its log:" >&2; cat "$out/jupyterlab.log" >&2; exit 1; }
  sleep 1
done
echo "JupyterLab $("$venv/bin/jupyter-lab" --version) at $base; notebooks: ${notebooks[*]}"
CHROMIUM="$chromium" NODE_PATH="$tools/node_modules" node "$here/jupyterlab-check.cjs" "$base" "$token" "$out" "${notebooks[@]}"
