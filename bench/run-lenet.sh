#!/usr/bin/env bash
# LeNet-5 training speed, DL4J (this repository) against PyTorch, on the same 8,000 + 2,000 shipped
# MNIST digits, interleaved so both see the same machine load. Not a unit test.
#
# usage: bench/run-lenet.sh [--rounds R] [--epochs E] [--torch-threads T] [--java-only] [-- BENCHMARK FLAGS]
#   --rounds R         DL4J and PyTorch runs, alternating (default 3)
#   --epochs E         epochs per run; each run reports the median epoch (default 5)
#   --torch-threads T  PyTorch's threads (default: the threads the toolkit gives ND4J)
#   --java-only        skip PyTorch even when it is installed
#   --classifier C     build against another nd4j-native build, e.g. linux-x86_64 (the plain one)
#   BENCHMARK FLAGS    passed to org.visionbook.bench.LeNetBenchmark, e.g. --accelerate no
# DL4J trains through the toolkit's Trainer on the toolkit's LeNet-5, as chapter 04 does (see the
# benchmark's --feed), in a JVM with the kernel's flags.
# environment: JAVA_OPTS (JVM flags; default the kernel's "-XX:+UseSerialGC -XX:TieredStopAtLevel=1",
#   JAVA_OPTS= for the JVM's own defaults), VISIONBOOK_THREADS / OMP_NUM_THREADS (ND4J threads),
#   LENET_TORCH (the PyTorch reference script, default ../shared/bench/lenet_torch.py from the root)
#
# PyTorch: Debian's python3-torch and ../shared/bench/lenet_torch.py (relative to the repository
# root). That script reads one IMAGES and one LABELS IDX file and trains on the first --train
# examples, so this script writes the shipped train digits followed by the shipped test digits
# into one 10,000-image IDX pair in a temporary folder and passes --train 8000: both sides train
# on the same 8,000 digits and test on the same 2,000.
set -euo pipefail

rounds=3
epochs=5
torch_threads=""
java_only=false
maven_flags=()
bench_flags=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --epochs) epochs="$2"; shift 2 ;;
    --torch-threads) torch_threads="$2"; shift 2 ;;
    --java-only) java_only=true; shift ;;
    --classifier) maven_flags+=("-Dnd4j.classifier=$2"); shift 2 ;;
    --) shift; bench_flags=("$@"); break ;;
    *) echo "run-lenet.sh: unknown argument '$1' (see the usage at the top of $0)" >&2; exit 2 ;;
  esac
done

JAVA_OPTS=${JAVA_OPTS--XX:+UseSerialGC -XX:TieredStopAtLevel=1}
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "# building the benchmark (tests skipped: this is not a test run)"
mvn -B -q -Dstyle.color=never -f "$root/pom.xml" -pl bench -am package dependency:build-classpath \
    "${maven_flags[@]}" -DskipTests -Dmdep.outputFile="$tmp/classpath.txt" >"$tmp/build.log" 2>&1 \
  || { cat "$tmp/build.log" >&2; echo "run-lenet.sh: the build failed (log above)" >&2; exit 1; }
classpath="$root/bench/target/classes:$(cat "$tmp/classpath.txt")"

torch_script="${LENET_TORCH:-$root/../shared/bench/lenet_torch.py}"
torch=false
if ! $java_only; then
  if [ ! -f "$torch_script" ]; then
    echo "# PyTorch side skipped: $torch_script is not there (set LENET_TORCH to its path)"
  elif ! /usr/bin/python3 -c 'import torch' 2>/dev/null; then
    echo "# PyTorch side skipped: /usr/bin/python3 cannot import torch (apt-get install python3-torch)"
  else
    torch=true
  fi
fi

if $torch; then
  # One IDX pair: the 8,000 shipped training digits, then the 2,000 test digits.
  /usr/bin/python3 - "$root/datasets/mnist" "$tmp" <<'EOF'
import gzip, struct, sys
src, out = sys.argv[1], sys.argv[2]
def read(name):
    data = gzip.open(f"{src}/{name}").read()
    zero, kind, rank = struct.unpack(">HBB", data[:4])
    if zero != 0 or kind != 0x08:
        sys.exit(f"{src}/{name}: not an unsigned-byte IDX file")
    dims = struct.unpack(">" + "I" * rank, data[4:4 + 4 * rank])
    return dims, data[4 + 4 * rank:]
for what, train, test in (("images", "train-images-idx3-ubyte.gz", "t10k-images-idx3-ubyte.gz"),
                          ("labels", "train-labels-idx1-ubyte.gz", "t10k-labels-idx1-ubyte.gz")):
    (d1, b1), (d2, b2) = read(train), read(test)
    if d1[1:] != d2[1:]:
        sys.exit(f"{src}: {train} and {test} hold differently shaped items")
    dims = (d1[0] + d2[0],) + d1[1:]
    header = struct.pack(">HBB", 0, 8, len(dims)) + struct.pack(">" + "I" * len(dims), *dims)
    with open(f"{out}/{what}.idx", "wb") as f:
        f.write(header + b1 + b2)
    if what == "images":
        print(f"# PyTorch data: {d1[0]} train + {d2[0]} test digits in one IDX pair")
EOF
  # Runs the reference script unchanged; records wall and CPU time (all threads) of each epoch it times.
  cat >"$tmp/timed_torch.py" <<'EOF'
import runpy, statistics, sys, time
script, args = sys.argv[1], sys.argv[2:]
wall, cpu, marks = time.perf_counter, time.process_time, []
def clock():
    marks.append((wall(), cpu()))
    return marks[-1][0]
time.perf_counter = clock
sys.argv = [script] + args
runpy.run_path(script, run_name="__main__")
epochs = [(marks[i + 1][0] - marks[i][0], marks[i + 1][1] - marks[i][1]) for i in range(0, len(marks) - 1, 2)]
print(f"timed median_epoch_s={statistics.median(w for w, _ in epochs):.3f} "
      f"median_epoch_cpu_s={statistics.median(c for _, c in epochs):.3f}")
EOF
fi

value() { # value KEY LINE
  sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$2"
}
median() {
  printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'
}

java_wall=(); java_cpu=(); torch_wall=(); torch_cpu=(); java_acc=""; torch_acc=""; java_threads=""
for r in $(seq 1 "$rounds"); do
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
  java ${JAVA_OPTS:-} -cp "$classpath" org.visionbook.bench.LeNetBenchmark --epochs "$epochs" "${bench_flags[@]}" \
      >"$tmp/java.txt"
  line=$(tail -1 "$tmp/java.txt")
  java_threads=$(sed -n 's/.*oneDNN [a-z]*, \([0-9]*\) thread(s).*/\1/p' "$tmp/java.txt" | head -1)
  java_wall+=("$(value median_epoch_s "$line")"); java_cpu+=("$(value median_epoch_cpu_s "$line")")
  java_acc=$(value accuracy "$line")
  summary="round $r (load $load): DL4J ${java_wall[-1]} s/epoch (CPU ${java_cpu[-1]} s, accuracy $java_acc)"
  if $torch; then
    threads=${torch_threads:-${java_threads:-1}}
    /usr/bin/python3 "$tmp/timed_torch.py" "$torch_script" "$tmp/images.idx" "$tmp/labels.idx" \
        --train 8000 --epochs "$epochs" --threads "$threads" >"$tmp/torch.txt"
    torch_wall+=("$(value median_epoch_s "$(grep '^timed' "$tmp/torch.txt")")")
    torch_cpu+=("$(value median_epoch_cpu_s "$(grep '^timed' "$tmp/torch.txt")")")
    torch_acc=$(value accuracy "$(grep '^median_epoch_s' "$tmp/torch.txt")")
    summary="$summary | PyTorch ${torch_wall[-1]} s/epoch (CPU ${torch_cpu[-1]} s, accuracy $torch_acc, $threads thread(s))"
  fi
  echo "$summary"
done
echo "# load at end: $(cut -d' ' -f1-3 /proc/loadavg); DL4J JVM flags: ${JAVA_OPTS:-none}"
grep '^#' "$tmp/java.txt" | grep -v 'load at' | sed 's/^# /# DL4J: /'

jw=$(median "${java_wall[@]}"); jc=$(median "${java_cpu[@]}")
echo "DL4J: median epoch ${jw} s, $(awk -v s="$jw" 'BEGIN {printf "%.0f", 8000 / s}') examples/s, CPU ${jc} s/epoch, test accuracy after $epochs epochs $java_acc"
if $torch; then
  tw=$(median "${torch_wall[@]}"); tc=$(median "${torch_cpu[@]}")
  echo "PyTorch: median epoch ${tw} s, $(awk -v s="$tw" 'BEGIN {printf "%.0f", 8000 / s}') examples/s, CPU ${tc} s/epoch, test accuracy after $epochs epochs $torch_acc"
  echo "ratio DL4J/PyTorch: epoch time $(awk -v a="$jw" -v b="$tw" 'BEGIN {printf "%.2f", a / b}'), CPU time $(awk -v a="$jc" -v b="$tc" 'BEGIN {printf "%.2f", a / b}') (medians of $rounds interleaved rounds)"
fi
