#!/usr/bin/env python3
"""Runs a command N times and reports the median wall time and peak RSS of the child.

usage: measure.py [--runs N] [--setup CMD] -- COMMAND...
Prints one JSON object: {"median_s", "runs_s", "peak_rss_mb"}. --setup runs (through the shell)
before each run and is not timed (e.g. removing the TM so each import starts empty).
"""
import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time


def run_once(command):
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.execvp(command[0], command)
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(command)}")
    return elapsed, usage.ru_maxrss / 1024.0  # ru_maxrss is in KiB on Linux


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--setup", default="")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    times, peaks = [], []
    for _ in range(args.runs):
        if args.setup:
            subprocess.run(args.setup, shell=True, check=True)
        elapsed, peak = run_once(command)
        times.append(elapsed)
        peaks.append(peak)
    print(json.dumps({"median_s": statistics.median(times), "runs_s": times,
                      "peak_rss_mb": max(peaks)}))


if __name__ == "__main__":
    main()
