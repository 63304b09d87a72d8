#!/usr/bin/env bash
# Side by side, on the same files, in one run: the original Python program (Pillow), Parathumb's
# faithful and fast pipelines with 1 and 2 workers, libvips' vipsthumbnail (one thread, and two
# threads; no blur) and the floor: the system's decoders alone, one file after another on one
# thread (djpeg for JPEG, dwebp for WebP, Pillow's decode for PNG, all output thrown away).
# Rounds are interleaved so drift on a noisy machine hits every tool alike; the medians of the
# whole commands' wall times (JVM start-up included) are printed, with each tool's speed per
# image against Python's and its time against the floor's, and the same for the CPU time the
# command used (user + system, all its threads and child processes): where other work shares the
# cores, wall times stretch and the CPU times much less, so the load average is printed too.
#
# The folder's JPEG, PNG and WebP files are measured. The original's own loop reads only .jpg,
# .jpeg and .png, so on a folder with WebP files the Python row runs its create_thumbnail on
# every file instead (python-all). Each command gets TIMEOUT seconds (default 600), or fails.
#
# Parathumb runs as `java -jar target/parathumb.jar` (mvn package), or as the command PARATHUMB
# names, e.g. the installed launcher: PARATHUMB=target/dist/parathumb/bin/parathumb
# (mvn -Pinstaller package), which starts from its class-data archive and stops the JIT at C1.
# Needs: python3 with Pillow, vipsthumbnail, djpeg, dwebp, GNU time:
#   apt-get install -y python3-pil libvips-tools libjpeg-turbo-progs webp time
# Usage: ORIGINAL=path/to/python_original.py scripts/compare.sh DIR [ROUNDS]   (DIR: a folder of images, e.g. images/)
set -euo pipefail
src=${1:?usage: scripts/compare.sh DIR [ROUNDS]}
rounds=${2:-5}
limit=${TIMEOUT:-600}
here=$(cd "$(dirname "$0")/.." && pwd)
jar="$here/target/parathumb.jar"
python=${PYTHON:-/usr/bin/python3}
original=${ORIGINAL:-}
if [ -z "${PARATHUMB:-}" ]; then
  [ -f "$jar" ] || { echo "build first: mvn package" >&2; exit 2; }
  PARATHUMB="java -jar $jar"
fi
[ -n "$original" ] && [ -f "$original" ] || { echo "set ORIGINAL to the original Python program (python_original.py)" >&2; exit 2; }
for tool in djpeg dwebp /usr/bin/time; do
  command -v $tool >/dev/null || { echo "needs $tool: apt-get install -y libjpeg-turbo-progs webp time" >&2; exit 2; }
done
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
files=$(find "$src" -maxdepth 1 -type f \( -iname '*.jpg' -o -iname '*.jpeg' -o -iname '*.png' -o -iname '*.webp' \) | sort)
count=$(echo "$files" | grep -c .)
jpegs=$(echo "$files" | grep -ic '\.jpe\?g$' || true)
webps=$(echo "$files" | grep -ic '\.webp$' || true)

# The floor: each file decoded by the system's decoder, its pixels thrown away.
floor() {
  local pngs=()
  for f in "$@"; do
    case ${f,,} in
      *.jpg | *.jpeg) djpeg "$f" >/dev/null ;;
      *.webp) dwebp -quiet "$f" ;;
      *.png) pngs+=("$f") ;;
    esac
  done
  [ ${#pngs[@]} -eq 0 ] || "$python" -c '
import sys
from PIL import Image
for f in sys.argv[1:]: Image.open(f).load()' "${pngs[@]}"
}
# The original's create_thumbnail, unchanged, on every file given (WebP included).
python_all() {
  "$python" -c '
import importlib.util, sys
spec = importlib.util.spec_from_file_location("original", sys.argv[1])
original = importlib.util.module_from_spec(spec)
spec.loader.exec_module(original)
for f in sys.argv[3:]: original.create_thumbnail(f, thumb_dir=sys.argv[2])' "$original" "$@"
}
export python original
export -f floor python_all

list=$(echo $files)
declare -A cmd=(
  [faithful-1]="$PARATHUMB run $src --out $out/f1 --workers 1"
  [faithful-2]="$PARATHUMB run $src --out $out/f2 --workers 2"
  [fast-1]="$PARATHUMB run $src --out $out/q1 --workers 1 --pipeline fast"
  [fast-2]="$PARATHUMB run $src --out $out/q2 --workers 2 --pipeline fast"
  [floor]="floor $list"
)
if [ "$webps" -eq 0 ]; then
  py=python-seq; cmd[$py]="$python $original $src $out/py seq"
else
  py=python-all; cmd[$py]="python_all $out/py $list"
fi
order=($py faithful-1 faithful-2 fast-1 fast-2)
if command -v vipsthumbnail >/dev/null; then
  cmd[vipsthumbnail-1]="env VIPS_CONCURRENCY=1 vipsthumbnail $list -s 50x50 -o $out/v1/%s.jpg"
  cmd[vipsthumbnail-2]="env VIPS_CONCURRENCY=2 vipsthumbnail $list -s 50x50 -o $out/v2/%s.jpg"
  order+=(vipsthumbnail-1 vipsthumbnail-2)
fi
order+=(floor)
# The CPU time all processes used since boot, in seconds: what other work took during a command
# is this difference less the command's own CPU time.
busy() { awk -v hz="$(getconf CLK_TCK)" '/^cpu / {print ($2 + $3 + $4 + $7 + $8 + $9) / hz}' /proc/stat; }
# With QUIET=SHARE, wait before each command for a moment when other work uses under SHARE of a
# core, but no longer than QUIET_WAIT seconds (default 60): then run it all the same.
wait_quiet() {
  local b0 waited
  for ((waited = 0; waited < ${QUIET_WAIT:-60}; waited += 2)); do
    b0=$(busy); sleep 2
    (( $(echo "($(busy) - $b0) / 2 < $quiet" | bc) )) && return
  done
  return 0
}
quiet=${QUIET:-}
declare -A times cpu others
load_before=$(cut -d' ' -f1 /proc/loadavg)
for ((r = 1; r <= rounds; r++)); do
  for name in "${order[@]}"; do
    rm -rf "$out"/{py,f1,f2,q1,q2,v1,v2}; mkdir -p "$out"/{py,v1,v2}
    [ -z "$quiet" ] || wait_quiet
    b0=$(busy); start=$(date +%s.%N)
    /usr/bin/time -o "$out/rusage" -f '%U + %S' timeout "$limit" bash -c "${cmd[$name]}" >/dev/null 2>&1 \
      || { echo "$name failed (or took over $limit s)" >&2; exit 1; }
    end=$(date +%s.%N); b1=$(busy)
    wall=$(echo "$end - $start" | bc); own=$(bc <"$out/rusage")
    times[$name]+="$wall "
    cpu[$name]+="$own "
    others[$name]+="$(echo "o = ($b1 - $b0 - $own) / $wall; if (o < 0) 0 else o" | bc -l) "
  done
done
median() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
py_s=$(echo "${times[$py]}" | median); py_cpu=$(echo "${cpu[$py]}" | median)
floor_s=$(echo "${times[floor]}" | median); floor_cpu=$(echo "${cpu[floor]}" | median)
printf '%s: %d images (%d JPEG, %d WebP), %d rounds interleaved, medians of whole commands, load average %s to %s\n' \
  "$src" "$count" "$jpegs" "$webps" "$rounds" "$load_before" "$(cut -d' ' -f1 /proc/loadavg)"
printf 'parathumb: %s\n' "$PARATHUMB"
printf '%-16s %9s %9s %10s %8s %9s %10s %8s %7s\n' tool median_s "s/image" "vs python" "x floor" cpu_s "vs python" "x floor" others
for name in "${order[@]}"; do
  m=$(echo "${times[$name]}" | median); c=$(echo "${cpu[$name]}" | median)
  printf '%-16s %9.3f %9.4f %9.2fx %7.2fx %9.2f %9.2fx %7.2fx %7.2f\n' "$name" "$m" "$(echo "$m / $count" | bc -l)" \
    "$(echo "$py_s / $m" | bc -l)" "$(echo "$m / $floor_s" | bc -l)" "$c" "$(echo "$py_cpu / $c" | bc -l)" \
    "$(echo "$c / $floor_cpu" | bc -l)" "$(echo "${others[$name]}" | median)"
done
