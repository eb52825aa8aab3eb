"""Measuring one step of the benchmark: its time and the peak memory of its processes.

Each step runs as a process of its own (``python -m benchmarks.passes``, or
the ``tracker`` command itself), so its peak memory is its own. The peak
is the largest sum of resident memory over the process and its children
(``--jobs`` workers), sampled every 20 ms with psutil.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_S = 0.02
MB = 1_000_000


@dataclass
class Run:
    """One measured process: wall time, peak memory (MB), its exit status and what it printed."""

    seconds: float
    peak_mb: float
    status: int
    stdout: str
    stderr: str

    def report(self) -> dict:
        """Whatever the process printed as its last line of JSON, else an empty dict."""
        lines = self.stdout.strip().splitlines()
        return json.loads(lines[-1]) if lines and lines[-1].startswith("{") else {}


def run_measured(command: list[str], env: dict | None = None, stdout_path: Path | None = None) -> Run:
    """Run ``command`` to its end, timing it and sampling the memory of its process tree."""
    out = open(stdout_path, "w") if stdout_path else subprocess.PIPE
    started = time.perf_counter()
    # From the top of the checkout, where ``python -m benchmarks.…`` finds its package.
    process = subprocess.Popen(command, stdout=out, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                               env={**os.environ, **(env or {})})
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        try:
            root = psutil.Process(process.pid)
        except psutil.NoSuchProcess:
            return
        while not done.is_set():
            try:
                tree = [root, *root.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree))
            except psutil.Error:
                pass
            done.wait(SAMPLE_S)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if stdout_path:
        out.close()
        stdout = ""
    return Run(seconds, peak / MB, process.returncode, stdout or "", stderr or "")


def python_step(module: str, *args: str) -> list[str]:
    """The command that runs one benchmark pass in a fresh interpreter."""
    return [sys.executable, "-m", module, *args]


def tracker_command(*args: str) -> list[str]:
    """The installed ``tracker`` command next to this interpreter."""
    return [str(Path(sys.executable).with_name("tracker")), *args]
