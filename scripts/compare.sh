#!/usr/bin/env bash
# Side by side, on the same files, in one run: the original Python program (Pillow), Parathumb's
# faithful and fast pipelines with 1 and 2 workers, and libvips' vipsthumbnail (one thread, and
# two threads; JPEGs only, its one format here). Rounds are interleaved so drift on a noisy machine hits every tool alike; the
# medians of the whole commands' wall times (JVM start-up included) are printed.
#
# Needs: target/parathumb.jar (mvn package), python3 with Pillow, vipsthumbnail:
#   apt-get install -y python3-pil libvips-tools
# Usage: scripts/compare.sh DIR [ROUNDS]      (DIR: a folder of images, e.g. images/)
set -euo pipefail
src=${1:?usage: scripts/compare.sh DIR [ROUNDS]}
rounds=${2:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
jar="$here/target/parathumb.jar"
python=${PYTHON:-/usr/bin/python3}
original=${ORIGINAL:-$here/../shared/tools/python_original.py}
[ -f "$jar" ] || { echo "build first: mvn package" >&2; exit 2; }
[ -f "$original" ] || { echo "set ORIGINAL to python_original.py" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
count=$(find "$src" -maxdepth 1 -type f \( -iname '*.jpg' -o -iname '*.jpeg' -o -iname '*.png' \) | wc -l)
jpegs=$(find "$src" -maxdepth 1 -type f \( -iname '*.jpg' -o -iname '*.jpeg' \) | sort)

declare -A cmd=(
  [python-seq]="$python $original $src $out/py seq"
  [faithful-1]="java -jar $jar run $src --out $out/f1 --workers 1"
  [faithful-2]="java -jar $jar run $src --out $out/f2 --workers 2"
  [fast-1]="java -jar $jar run $src --out $out/q1 --workers 1 --pipeline fast"
  [fast-2]="java -jar $jar run $src --out $out/q2 --workers 2 --pipeline fast"
)
order=(python-seq faithful-1 faithful-2 fast-1 fast-2)
if command -v vipsthumbnail >/dev/null; then
  cmd[vipsthumbnail-1]="env VIPS_CONCURRENCY=1 vipsthumbnail $(echo $jpegs) -s 50x50 -o $out/v1/%s.jpg"
  cmd[vipsthumbnail-2]="env VIPS_CONCURRENCY=2 vipsthumbnail $(echo $jpegs) -s 50x50 -o $out/v2/%s.jpg"
  order+=(vipsthumbnail-1 vipsthumbnail-2)
fi
declare -A times
for ((r = 1; r <= rounds; r++)); do
  for name in "${order[@]}"; do
    rm -rf "$out"/{py,f1,f2,q1,q2,v1,v2}; mkdir -p "$out"/{py,v1,v2}
    start=$(date +%s.%N)
    ${cmd[$name]} >/dev/null 2>&1 || { echo "$name failed" >&2; exit 1; }
    end=$(date +%s.%N)
    times[$name]+="$(echo "$end - $start" | bc) "
  done
done
median() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
py=$(echo "${times[python-seq]}" | median)
printf '%s: %d images (%d JPEG), %d rounds interleaved, medians of whole commands\n' "$src" "$count" "$(echo "$jpegs" | grep -c .)" "$rounds"
printf '%-16s %9s %12s %22s\n' tool median_s "s/image" "per image vs python"
for name in "${order[@]}"; do
  m=$(echo "${times[$name]}" | median)
  n=$count; [[ $name == vipsthumbnail* ]] && n=$(echo "$jpegs" | grep -c .)
  printf '%-16s %9.3f %12.4f %21.2fx\n' "$name" "$m" "$(echo "$m / $n" | bc -l)" "$(echo "($py / $count) / ($m / $n)" | bc -l)"
done
