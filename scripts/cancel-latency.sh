#!/usr/bin/env bash
# How long Ctrl+C takes to end a run, wherever it lands: `run DIR [options]` is started again and
# again, and interrupted (SIGINT, as Ctrl+C sends) STEP seconds later each time than the time
# before, until a run ends by itself first. Each line is one run: when the signal went, how long
# the process took from the signal to its end (the cancel, the summary and the JVM's exit), and the
# images still in flight then. The slowest runs come last, after a sort.
#
# The bound the product promises is 100 ms from the cancel to every image stopped; the JVM's exit
# adds 30 to 50 ms on this kind of machine (a run on a tiny file, interrupted, shows it).
#
# Needs: python3 (standard library only) and a built Parathumb: the installed launcher
# (mvn -Pinstaller package) by default, else target/parathumb.jar; or name the command in
# PARATHUMB, e.g. PARATHUMB="java -jar target/parathumb.jar".
# Usage: scripts/cancel-latency.sh DIR [STEP [run options]]   (STEP default 0.35 s)
#   e.g. scripts/cancel-latency.sh corpus/mixed 0.35 --size 4096x4096 --workers 2
set -euo pipefail
dir=${1:?usage: scripts/cancel-latency.sh DIR [STEP [run options]]}
step=${2:-0.35}
shift $(( $# < 2 ? $# : 2 ))
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/scripts/parathumb-command.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "command: $PARATHUMB; folder: $dir; options: $*; a signal every $step s; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$dir" "$step" "$work" "$PARATHUMB" "$@" <<'EOF'
import json, shlex, shutil, signal, subprocess, sys, time

folder, step, work, command, options = sys.argv[1], float(sys.argv[2]), sys.argv[3], shlex.split(sys.argv[4]), sys.argv[5:]
runs = []
delay = step
while True:
    out = f"{work}/out"
    shutil.rmtree(out, ignore_errors=True)
    process = subprocess.Popen(command + ["run", folder, "--out", out, "--json"] + options,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    time.sleep(delay)
    if process.poll() is not None:
        process.communicate()
        break
    sent = time.monotonic()
    process.send_signal(signal.SIGINT)
    lines, _ = process.communicate()
    ended = time.monotonic()
    in_flight = []
    for line in lines.splitlines():
        result = json.loads(line)
        # Images never started are cancelled in no time; the ones in flight had begun their work.
        if result.get("status") == "cancelled" and (result.get("ms") or {}).get("total", 0) > 0:
            in_flight.append(result["source"].rsplit("/", 1)[-1])
    runs.append((1000 * (ended - sent), delay, in_flight))
    delay += step
if not runs:
    sys.exit("the run ended before the first signal: use a bigger folder or a smaller STEP")
for ms, at, in_flight in sorted(runs):
    print(f"signal at {at:5.2f} s: ended {ms:5.0f} ms later; in flight: {', '.join(in_flight) or '-'}")
print(f"{len(runs)} runs; slowest end {max(r[0] for r in runs):.0f} ms after its signal")
EOF
