# Sourced by the browser checks (toolkit/src/test/browser/run.sh, kernel/src/test/browser/jupyterlab-check.sh):
# sets $chromium (Debian's chromium, or $CHROMIUM) and $tools (a folder whose node_modules holds
# playwright-core, installed on first use into the user's cache, outside the repository). Exits loudly
# when chromium or node is missing.
chromium="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
[ -n "$chromium" ] && [ -x "$chromium" ] || { echo "chromium not found: apt-get install -y chromium (or set CHROMIUM)" >&2; exit 1; }
command -v node >/dev/null || { echo "node not found: apt-get install -y nodejs npm" >&2; exit 1; }
tools="${VISIONBOOK_BROWSER_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/visionbook/browser-check}"
if [ ! -d "$tools/node_modules/playwright-core" ]; then
  mkdir -p "$tools"
  npm install --silent --prefix "$tools" playwright-core@1.65.1 >&2
fi
