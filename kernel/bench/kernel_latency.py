"""Cold start and round-trip latency of Jupyter kernels, measured through jupyter_client.

    python3 kernel_latency.py KERNEL_NAME... [--starts 3] [--trips 30]

`starts` rounds; in each round every kernel gets one cold start, in turn (interleaved, so a change
in the machine's load touches all kernels alike): the time from process start until kernel_info
answers, the first is_complete reply right after that (what a console asks on the first Enter), and
the first `1+1` result. On the first start, `trips` round trips of `1+1` (execute_request sent until
the kernel reports idle again) on the warm kernel. Prints medians. Kernels are found on JUPYTER_PATH.
"""
import argparse
import statistics
import subprocess
import time

from jupyter_client.manager import KernelManager


def first_result(kc, code, timeout=120):
    msg_id = kc.execute(code)
    result = None
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "execute_result":
            data = msg["content"]["data"]
            result = data.get("text/plain", next(iter(data.values()), ""))
        if msg["msg_type"] == "error":
            raise RuntimeError(f"{code!r} failed: {msg['content']['ename']}: {msg['content']['evalue']}")
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return result


class Figures:
    def __init__(self):
        self.ready, self.complete, self.first, self.trip, self.failures = [], [], [], [], []


def one_start(name, figures, trips):
    km = KernelManager(kernel_name=name)
    t0 = time.monotonic()
    # Kernel logs (rapaio logs at INFO) are not part of the measurement.
    km.start_kernel(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=180)
        figures.ready.append(time.monotonic() - t0)
        t1 = time.monotonic()
        msg_id = kc.is_complete("int x = 1;")
        while True:
            reply = kc.get_shell_msg(timeout=60)
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        figures.complete.append(time.monotonic() - t1)
        assert reply["content"]["status"] == "complete", f"{name}: is_complete said {reply['content']}"
        value = first_result(kc, "1+1")
        figures.first.append(time.monotonic() - t0)
        assert value.strip() == "2", f"{name}: 1+1 gave {value!r}"
        if not figures.trip:
            for _ in range(trips):
                t2 = time.monotonic()
                first_result(kc, "1+1")
                figures.trip.append(time.monotonic() - t2)
    except Exception as e:  # a start that fails is reported, not fatal for the other kernel
        figures.failures.append(f"{type(e).__name__}: {e}")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def median_or_nan(values, scale=1.0):
    return statistics.median(values) * scale if values else float("nan")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("kernels", nargs="+")
    parser.add_argument("--starts", type=int, default=3)
    parser.add_argument("--trips", type=int, default=30)
    args = parser.parse_args()
    figures = {name: Figures() for name in args.kernels}
    for _ in range(args.starts):
        for name in args.kernels:
            one_start(name, figures[name], args.trips)
    print(f"{'kernel':24} {'ready (s)':>10} {'first is_complete (ms)':>23} {'first 1+1 (s)':>14}"
          f" {'1+1 median (ms)':>16} {'1+1 best (ms)':>14}")
    for name, f in figures.items():
        best = min(f.trip) * 1000 if f.trip else float("nan")
        print(f"{name:24} {median_or_nan(f.ready):10.2f} {median_or_nan(f.complete, 1000):23.1f}"
              f" {median_or_nan(f.first):14.2f} {median_or_nan(f.trip, 1000):16.1f} {best:14.1f}"
              + (f"   ({len(f.failures)} of {args.starts} starts failed: {f.failures[0]})" if f.failures else ""))
    if len(args.kernels) == 2 and all(figures[k].first for k in args.kernels):
        a, b = (median_or_nan(figures[k].first) for k in args.kernels)
        print(f"first 1+1, {args.kernels[0]} / {args.kernels[1]}: {a / b:.2f}")


if __name__ == "__main__":
    main()
