"""Cold start and round-trip latency of Jupyter kernels, measured through jupyter_client.

    python3 kernel_latency.py KERNEL_NAME... [--starts 3] [--trips 30]

For each kernel: `starts` cold starts (process start until the first `1+1` result, and until
kernel_info answers), then `trips` round trips of `1+1` (execute_request sent until the kernel
reports idle again) on a warm kernel. Prints medians. Kernels are found on JUPYTER_PATH.
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


def measure(name, starts, trips):
    ready, first, trip, failures = [], [], [], []
    for _ in range(starts):
        km = KernelManager(kernel_name=name)
        t0 = time.monotonic()
        # Kernel logs (rapaio logs at INFO) are not part of the measurement.
        km.start_kernel(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        kc = km.client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=180)
            ready.append(time.monotonic() - t0)
            value = first_result(kc, "1+1")
            first.append(time.monotonic() - t0)
            assert value.strip() == "2", f"{name}: 1+1 gave {value!r}"
            if not trip:
                for _ in range(trips):
                    t1 = time.monotonic()
                    first_result(kc, "1+1")
                    trip.append(time.monotonic() - t1)
        except Exception as e:  # a start that fails is reported, not fatal for the other kernel
            failures.append(f"{type(e).__name__}: {e}")
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
    return ready, first, trip, failures


def median_or_nan(values, scale=1.0):
    return statistics.median(values) * scale if values else float("nan")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("kernels", nargs="+")
    parser.add_argument("--starts", type=int, default=3)
    parser.add_argument("--trips", type=int, default=30)
    args = parser.parse_args()
    print(f"{'kernel':24} {'ready (s)':>10} {'first 1+1 (s)':>14} {'1+1 median (ms)':>16} {'1+1 best (ms)':>14}")
    for name in args.kernels:
        ready, first, trip, failures = measure(name, args.starts, args.trips)
        best = min(trip) * 1000 if trip else float("nan")
        print(f"{name:24} {median_or_nan(ready):10.2f} {median_or_nan(first):14.2f}"
              f" {median_or_nan(trip, 1000):16.1f} {best:14.1f}"
              + (f"   ({len(failures)} of {args.starts} starts failed: {failures[0]})" if failures else ""))

if __name__ == "__main__":
    main()
