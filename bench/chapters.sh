#!/usr/bin/env bash
# Full-run wall time, CPU time and peak memory of each chapter notebook, as a markdown table.
# Each notebook runs top to bottom through `./visionbook run` (the kernel's JVM flags and memory
# knobs) under /usr/bin/time -v, into a temporary folder: the notebooks themselves are never
# rewritten. Not a test; the figures depend on the machine and on its load, which is printed.
#
# usage: bench/chapters.sh [NOTEBOOK.ipynb ...]     (default: every notebooks/*.ipynb)
# environment: VISIONBOOK_JAVA_OPTS (extra JVM flags, as for `run`), VISIONBOOK_EPOCHS /
#   VISIONBOOK_LIMIT (leave unset for a full run), NICE (niceness of the runs, default 5)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
[[ -x /usr/bin/time ]] || { echo "chapters.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
if [[ -n "${VISIONBOOK_EPOCHS:-}${VISIONBOOK_LIMIT:-}" ]]; then
  echo "# note: small-data knobs set (VISIONBOOK_EPOCHS=${VISIONBOOK_EPOCHS:-} VISIONBOOK_LIMIT=${VISIONBOOK_LIMIT:-}): not a full run" >&2
fi
if [[ $# -gt 0 ]]; then
  notebooks=("$@")
else
  notebooks=("$root"/notebooks/*.ipynb)
fi
for nb in "${notebooks[@]}"; do
  [[ -f "$nb" ]] || { echo "chapters.sh: no such notebook: $nb" >&2; exit 2; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Build first (the launcher builds what is out of date), so no row includes a build.
"$root/visionbook" run --help >/dev/null

load() { cut -d' ' -f1 /proc/loadavg; }
field() { # field 'LABEL' FILE: the value of one /usr/bin/time -v line
  sed -n "s/^[[:space:]]*$1: //p" "$2"
}

echo "| chapter | wall time | CPU time (user + sys) | peak RSS | load (1 min, start → end) | result |"
echo "|---|---|---|---|---|---|"
status=0
for nb in "${notebooks[@]}"; do
  name=$(basename "$nb" .ipynb)
  start=$(load)
  rc=0
  nice -n "${NICE:-5}" /usr/bin/time -v -o "$tmp/$name.time" "$root/visionbook" run "$nb" --output "$tmp/out" \
      >"$tmp/$name.log" 2>&1 || rc=$?
  end=$(load)
  wall=$(field 'Elapsed (wall clock) time (h:mm:ss or m:ss)' "$tmp/$name.time")
  user=$(field 'User time (seconds)' "$tmp/$name.time")
  sys=$(field 'System time (seconds)' "$tmp/$name.time")
  rss_kb=$(field 'Maximum resident set size (kbytes)' "$tmp/$name.time")
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN {t = u + s; printf "%d:%04.1f", t / 60, t - 60 * int(t / 60)}')
  rss=$(awk -v k="$rss_kb" 'BEGIN {printf "%.0f MB", k * 1024 / 1e6}')
  if [[ $rc -eq 0 ]]; then
    result="ok"
  else
    result="**failed** (exit $rc)"
    status=1
    echo "# $name failed; the last lines of its run:" >&2
    tail -15 "$tmp/$name.log" >&2
  fi
  echo "| $name | $wall | $cpu | $rss | $start → $end | $result |"
done
echo
echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores with \`bench/chapters.sh\`${VISIONBOOK_JAVA_OPTS:+ (VISIONBOOK_JAVA_OPTS=\"$VISIONBOOK_JAVA_OPTS\")}."
exit $status
