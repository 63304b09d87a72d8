#!/usr/bin/env bash
# What a second worker buys on a folder, as whole commands and inside them: `run` with 1 and with 2
# workers, alternated round by round (the first command of each round alternates too), each writing
# a Chrome trace (--trace). The batch is the span of the trace's images, from the first image's
# start to the last one's end; everything else in the command's wall time is outside the batch:
# the JVM's start, the command line, the scan and the header reads before it, the summary and the
# process's exit after it. Those run once whatever the workers, so they bound the whole command's
# speedup: with them as measured, perfect halving of the batch would give at most
# (outside1 + batch1) / (outside2 + batch1 / 2).
#
# The two-worker command cannot end sooner than its CPU time (user + system, all its threads)
# shared over the machine's cores either: with 2 cores, one worker's wall time over half of two
# workers' CPU time bounds the whole command's speedup even if both cores were busy throughout.
#
# Prints, per worker count, the medians of wall time, batch, outside and CPU time (ms), then the
# medians of the per-round ratios (1 worker / 2 workers) of the whole command and of the batch,
# and the two bounds.
#
# Needs: python3 (standard library only) and a built Parathumb: the installed launcher
# (mvn -Pinstaller package) by default, else target/parathumb.jar; or name the command in
# PARATHUMB, e.g. PARATHUMB="java -jar target/parathumb.jar".
# Usage: scripts/scaling.sh DIR [ROUNDS]      (DIR: a folder of images; ROUNDS default 7)
set -euo pipefail
dir=${1:?usage: scripts/scaling.sh DIR [ROUNDS]}
rounds=${2:-7}
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/scripts/parathumb-command.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "command: $PARATHUMB; folder: $dir; $rounds rounds; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$dir" "$rounds" "$work" "$PARATHUMB" <<'EOF'
import json, os, resource, shlex, shutil, statistics, subprocess, sys, time

folder, rounds, work, command = sys.argv[1], int(sys.argv[2]), sys.argv[3], shlex.split(sys.argv[4])
runs = {1: [], 2: []}  # (wall, batch, cpu) in ms, per round

def run(workers):
    out, trace = f"{work}/out{workers}", f"{work}/trace{workers}.json"
    shutil.rmtree(out, ignore_errors=True)
    args = command + ["run", folder, "--workers", str(workers), "--out", out, "--trace", trace, "-q"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = (time.perf_counter() - start) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)} failed ({done.returncode}): {done.stderr.strip()}")
    with open(trace) as f:
        images = [e for e in json.load(f)["traceEvents"] if e.get("ph") == "X" and e.get("cat") == "image"]
    batch = (max(e["ts"] + e["dur"] for e in images) - min(e["ts"] for e in images)) / 1000
    return wall, batch, cpu

for r in range(rounds):
    for workers in ((1, 2) if r % 2 == 0 else (2, 1)):
        runs[workers].append(run(workers))

median = statistics.median
for workers, measured in runs.items():
    walls, batches, cpus = ([m[i] for m in measured] for i in range(3))
    outside = [w - b for w, b, _ in measured]
    print(f"{workers} worker{'s' if workers > 1 else ' '}: wall {median(walls):7.0f} ms   batch {median(batches):7.0f} ms"
          f"   outside the batch {median(outside):5.0f} ms   CPU {median(cpus):7.0f} ms")
whole = median(a[0] / b[0] for a, b in zip(runs[1], runs[2]))
batch = median(a[1] / b[1] for a, b in zip(runs[1], runs[2]))
bound = median((a[0]) / ((b[0] - b[1]) + a[1] / 2) for a, b in zip(runs[1], runs[2]))
cores = os.cpu_count()
busy = median(a[0] / (b[2] / cores) for a, b in zip(runs[1], runs[2]))
print(f"2 workers against 1: whole command {whole:.2f}x, batch {batch:.2f}x;"
      f" at most {bound:.2f}x for the whole command with the batch exactly halved,"
      f" and at most {busy:.2f}x with two workers' CPU time spread over all {cores} cores")
EOF
