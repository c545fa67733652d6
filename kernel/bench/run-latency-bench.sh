#!/usr/bin/env bash
# Kernel cold start and `1+1` round trip: the visionbook kernel next to rapaio-jupyter-kernel 3.0.1
# (Maven Central), both installed as kernelspecs in a scratch JUPYTER_PATH and started by
# jupyter_client the way Jupyter starts them. A benchmark, not a test.
#
#   kernel/bench/run-latency-bench.sh [--starts N] [--trips N]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SCRATCH="$(mktemp -d "${TMPDIR:-/tmp}/visionbook-bench.XXXXXX")"
trap 'rm -rf "$SCRATCH"' EXIT
PYTHON="${VISIONBOOK_PYTHON:-/usr/bin/python3}"
RAPAIO_VERSION=3.0.1

"$ROOT/visionbook" install-kernel --prefix "$SCRATCH" --name visionbook-java >/dev/null

mvn -B -q -Dstyle.color=never dependency:get -Dartifact="io.github.padreati:rapaio-jupyter-kernel:$RAPAIO_VERSION" >/dev/null 2>&1
RAPAIO_JAR="$HOME/.m2/repository/io/github/padreati/rapaio-jupyter-kernel/$RAPAIO_VERSION/rapaio-jupyter-kernel-$RAPAIO_VERSION.jar"
mkdir -p "$SCRATCH/share/jupyter/kernels/rapaio-java"
# What rapaio's own installer writes (java -jar ... {connection_file}, message interrupts), with the same java.
cat > "$SCRATCH/share/jupyter/kernels/rapaio-java/kernel.json" <<JSON
{"argv": ["$(command -v java)", "-jar", "$RAPAIO_JAR", "{connection_file}"],
 "display_name": "rapaio $RAPAIO_VERSION", "language": "java", "interrupt_mode": "message", "env": {}}
JSON

echo "$(nproc) cores, load average $(cut -d" " -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
JUPYTER_PATH="$SCRATCH/share/jupyter" JUPYTER_RUNTIME_DIR="$SCRATCH/runtime" PYDEVD_DISABLE_FILE_VALIDATION=1 \
  "$PYTHON" "$ROOT/kernel/bench/kernel_latency.py" visionbook-java rapaio-java "$@"
