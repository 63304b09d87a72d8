#!/usr/bin/env bash
# Two builds of Parathumb against each other on one folder: `run` with 1 and with 2 workers through
# each command, alternated round by round (the order of the builds and of the worker counts flips
# every round), so drift on a noisy machine hits both alike. Prints, per build, the medians of the
# whole commands' wall and CPU times (user + system, every thread), and the medians of the
# per-round ratios, new against old, for each worker count. Extra arguments go to `run` (e.g.
# --pipeline fast).
#
# OLD and NEW are commands, e.g. an app image of the commit before (copied aside and its archive
# made again where it lies: lib/app/cds-archive.sh) and target/dist/parathumb/bin/parathumb, or
# "java -jar old.jar" and "java -jar target/parathumb.jar".
# Needs: python3 (standard library only).
# Usage: scripts/side-by-side.sh OLD NEW DIR [ROUNDS [RUN OPTIONS...]]      (ROUNDS default 7)
set -euo pipefail
old=${1:?usage: scripts/side-by-side.sh OLD NEW DIR [ROUNDS [RUN OPTIONS...]]}
new=${2:?usage: scripts/side-by-side.sh OLD NEW DIR [ROUNDS [RUN OPTIONS...]]}
dir=${3:?usage: scripts/side-by-side.sh OLD NEW DIR [ROUNDS [RUN OPTIONS...]]}
rounds=${4:-7}
shift $(($# < 4 ? $# : 4))
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "old: $old; new: $new; folder: $dir; $rounds rounds; run options: ${*:-none}; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$dir" "$rounds" "$work" "$old" "$new" "$@" <<'PY'
import resource, shlex, shutil, statistics, subprocess, sys, time

folder, rounds, work = sys.argv[1], int(sys.argv[2]), sys.argv[3]
builds = {"old": shlex.split(sys.argv[4]), "new": shlex.split(sys.argv[5])}
options = sys.argv[6:]
wall = {(b, w): [] for b in builds for w in (1, 2)}
cpu = {(b, w): [] for b in builds for w in (1, 2)}

def run(build, workers):
    out = f"{work}/out"
    shutil.rmtree(out, ignore_errors=True)
    args = builds[build] + ["run", folder, "--workers", str(workers), "--out", out, "-q"] + options
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = (time.perf_counter() - start) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)} failed ({done.returncode}): {done.stderr.strip()}")
    wall[build, workers].append(elapsed)
    cpu[build, workers].append((after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000)

for r in range(rounds):
    for build in (("old", "new") if r % 2 == 0 else ("new", "old")):
        for workers in ((1, 2) if r % 2 == 0 else (2, 1)):
            run(build, workers)

median = statistics.median
for build in builds:
    print(f"{build}: 1 worker {median(wall[build, 1]):6.0f} ms wall {median(cpu[build, 1]):6.0f} ms CPU;"
          f"  2 workers {median(wall[build, 2]):6.0f} ms wall {median(cpu[build, 2]):6.0f} ms CPU;"
          f"  2 against 1 {median(a / b for a, b in zip(wall[build, 1], wall[build, 2])):.3f}x")
for workers in (1, 2):
    ratio = median(n / o for o, n in zip(wall["old", workers], wall["new", workers]))
    cpu_ratio = median(n / o for o, n in zip(cpu["old", workers], cpu["new", workers]))
    print(f"new against old, {workers} worker{'s' if workers > 1 else ''}: {ratio:.3f}x the wall time, {cpu_ratio:.3f}x the CPU time")
PY
