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
    ready, first, trip = [], [], []
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
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
    return statistics.median(ready), statistics.median(first), statistics.median(trip), min(trip)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("kernels", nargs="+")
    parser.add_argument("--starts", type=int, default=3)
    parser.add_argument("--trips", type=int, default=30)
    args = parser.parse_args()
    print(f"{'kernel':24} {'ready (s)':>10} {'first 1+1 (s)':>14} {'1+1 median (ms)':>16} {'1+1 best (ms)':>14}")
    for name in args.kernels:
        ready, first, trip, best = measure(name, args.starts, args.trips)
        print(f"{name:24} {ready:10.2f} {first:14.2f} {trip * 1000:16.1f} {best * 1000:14.1f}")


if __name__ == "__main__":
    main()
