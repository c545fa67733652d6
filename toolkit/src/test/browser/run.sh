#!/usr/bin/env bash
# Browser check of the step-through widget (not part of `mvn test`): writes a page of widgets,
# opens it in headless Chromium with playwright-core, steps, slides, plays, hovers, and saves
# screenshots under toolkit/target/browser/ (or the folder given as $1).
# Needs: chromium (apt-get install -y chromium), node and npm. Fails loudly when one is missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
out="$(mkdir -p "${1:-$root/toolkit/target/browser}" && cd "${1:-$root/toolkit/target/browser}" && pwd)"
. "$here/browser-tools.sh"

cd "$root"
mvn -B -q -Dstyle.color=never -pl toolkit test-compile
mvn -B -q -Dstyle.color=never -pl toolkit dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" >/dev/null
java -cp "toolkit/target/classes:toolkit/target/test-classes:$(cat "$out/classpath.txt")" \
  org.visionbook.toolkit.steps.StepThroughDemoPage "$out/step-through-demo.html"
CHROMIUM="$chromium" NODE_PATH="$tools/node_modules" node "$here/step-through-check.cjs" "$out/step-through-demo.html" "$out"

# The same widgets as notebook outputs, exported to HTML by nbconvert (skipped loudly if nbconvert is missing).
if command -v jupyter-nbconvert >/dev/null; then
  java -cp "toolkit/target/classes:toolkit/target/test-classes:$(cat "$out/classpath.txt")" \
    org.visionbook.toolkit.steps.StepThroughDemoPage "$out/step-through-demo.ipynb"
  jupyter-nbconvert --log-level=ERROR --to html --output-dir "$out/nbconvert" "$out/step-through-demo.ipynb"
  mkdir -p "$out/nbconvert/shots"
  CHROMIUM="$chromium" NODE_PATH="$tools/node_modules" \
    node "$here/step-through-check.cjs" "$out/nbconvert/step-through-demo.html" "$out/nbconvert/shots"
else
  echo "jupyter-nbconvert not found: the exported-notebook check did not run" >&2
  exit 1
fi
