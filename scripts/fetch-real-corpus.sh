#!/usr/bin/env bash
# A corpus of real photographs and wallpapers, for measuring on something other than our own
# generated images: Debian's wallpaper packages (fetched with `apt-get download`, unpacked with
# `dpkg-deb -x`, nothing installed) give big baseline and progressive JPEGs in 4:2:0, 4:2:2 and
# 4:4:4, grey and ICC-tagged JPEGs, big RGB and RGBA PNGs, and GNOME's 4096x4096 lossy WebPs.
#
# No Debian package ships a WebP photograph, a lossless WebP or a WebP with alpha, so three
# JPEG photos of the corpus are also re-encoded as lossy WebP (cwebp -q 80) and one PNG with
# real transparency as lossless WebP with alpha (cwebp -lossless -exact); their names start with
# `cwebp-`.
#
# Images under MIN_PIXELS (default 1 MP: previews, logos, icons) are left out, and files with
# the same bytes are kept once (the Plasma packs ship one picture under a dozen names).
# Debian's desktop-base is left out: it holds theme art (SVG, splash and GRUB screens), no photos.
#
# DIR gets every image flat, named PACKAGE_PATH.EXT (original extension kept), plus folders of
# hard links: DIR/jpeg, DIR/png, DIR/webp (one per format) and DIR/mixed (at most 16 JPEGs and 8
# PNGs spread over the sorted list: a real JPEG + PNG folder). Running it again gives the same DIR.
#
# Needs: apt-get, dpkg-deb, cwebp and python3 with Pillow (to read sizes and classify):
#   apt-get install -y webp python3-pil
# Usage: scripts/fetch-real-corpus.sh DIR      (DIR: outside the repository, e.g. $CORPUS)
set -euo pipefail
dir=${1:?usage: scripts/fetch-real-corpus.sh DIR}
min_pixels=${MIN_PIXELS:-1000000}
python=${PYTHON:-/usr/bin/python3}
packages=(plasma-workspace-wallpapers mate-backgrounds gnome-backgrounds lomiri-wallpapers
  lomiri-wallpapers-16.04 lomiri-wallpapers-20.04 ukui-wallpapers sway-backgrounds sddm-theme-maldives)
# The JPEGs re-encoded as lossy WebP (a landscape, a camera photo, a big 20 MP photo), and the
# PNG with transparency re-encoded as lossless WebP.
webp_lossy=(lomiri-wallpapers-16.04_picosdeeuropa_by_Aitzol_Berasategi.jpg
  plasma-workspace-wallpapers_Kite_2560x1600.jpg lomiri-wallpapers-20.04_Kleiber_by_Lukas_Baubkus.jpg)
webp_lossless=mate-backgrounds_mate_abstract_Gulp.png
for tool in apt-get dpkg-deb cwebp sha256sum; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install -y webp)" >&2; exit 2; }
done
"$python" -c 'import PIL' 2>/dev/null || { echo "needs Pillow: apt-get install -y python3-pil" >&2; exit 2; }

# One line per image named on standard input: path, format, mode, width, height, progressive
# (0/1), chroma subsampling (444, 422, 420, or - for grey and non-JPEG), alpha (none; opaque: an
# alpha channel all 255; real). Headers only, except the alpha check, which decodes RGBA/LA images.
classify() {
  "$python" -c '
import sys
from PIL import Image, JpegImagePlugin
for path in sys.stdin.read().splitlines():
    with Image.open(path) as im:
        prog, ss, alpha = 0, "-", "none"
        if im.format == "JPEG":
            prog = int(bool(im.info.get("progressive") or im.info.get("progression")))
            ss = {0: "444", 1: "422", 2: "420"}.get(JpegImagePlugin.get_sampling(im), "-")
        if im.mode in ("RGBA", "LA") or "transparency" in im.info:
            alpha = "real" if im.convert("RGBA").getchannel("A").getextrema()[0] < 255 else "opaque"
        print(path, im.format, im.mode, im.width, im.height, prog, ss, alpha, sep="\t")
'
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$dir" "$work/x"
# As root, apt would fetch as its _apt user, who cannot write to our private temporary folder.
(cd "$work" && apt-get download -o APT::Sandbox::User=root "${packages[@]}" >/dev/null)
for deb in "$work"/*.deb; do
  pkg=$(basename "${deb%%_*}")
  dpkg-deb -x "$deb" "$work/x/$pkg"
done

# Regular files only: the Plasma packs' per-resolution names are symbolic links to one file.
find "$work/x" -type f \( -iname '*.jpg' -o -iname '*.jpeg' -o -iname '*.png' -o -iname '*.webp' \) \
  | LC_ALL=C sort >"$work/candidates"
declare -A seen=()
kept=0
while IFS=$'\t' read -r path format mode width height _; do
  (( width * height >= min_pixels )) || continue
  sum=$(sha256sum "$path" | cut -d' ' -f1)
  [[ -z ${seen[$sum]:-} ]] || continue
  seen[$sum]=1
  rel=${path#"$work/x/"}
  pkg=${rel%%/*}
  rel=${rel#*/usr/share/}
  rel=${rel#wallpapers/}; rel=${rel#backgrounds/}; rel=${rel#sddm/themes/}
  rel=${rel//contents\//}; rel=${rel//images_dark\//dark_}; rel=${rel//images\//}
  name="${pkg}_${rel//\//_}"
  cmp -s "$path" "$dir/$name" || cp "$path" "$dir/$name"
  kept=$((kept + 1))
done < <(classify <"$work/candidates")
echo "$kept distinct images of at least $min_pixels pixels from ${#packages[@]} packages"

for name in "${webp_lossy[@]}"; do
  [ -f "$dir/$name" ] || { echo "warning: $name is missing, no WebP made from it" >&2; continue; }
  target="$dir/cwebp-q80_${name%.*}.webp"
  [ -s "$target" ] || cwebp -quiet -q 80 -metadata icc "$dir/$name" -o "$target"
done
if [ -f "$dir/$webp_lossless" ]; then
  target="$dir/cwebp-lossless-alpha_${webp_lossless%.*}.webp"
  [ -s "$target" ] || cwebp -quiet -lossless -exact "$dir/$webp_lossless" -o "$target"
else
  echo "warning: $webp_lossless is missing, no lossless WebP made" >&2
fi

# The per-format folders and the mixed one: hard links, made anew on every run.
rm -rf "$dir"/{jpeg,png,webp,mixed}
mkdir -p "$dir"/{jpeg,png,webp,mixed}
find "$dir" -maxdepth 1 -type f | LC_ALL=C sort >"$work/all"
classify <"$work/all" >"$work/classes"
while IFS=$'\t' read -r path format _; do
  case $format in JPEG) sub=jpeg ;; PNG) sub=png ;; WEBP) sub=webp ;; *) continue ;; esac
  ln "$path" "$dir/$sub/$(basename "$path")"
done <"$work/classes"
spread() { # spread N FOLDER: at most N files, taken at even steps through the sorted FOLDER
  local files=("$2"/*) step
  step=$(( (${#files[@]} + $1 - 1) / $1 ))
  for ((i = 0; i < ${#files[@]}; i += step)); do echo "${files[i]}"; done
}
for f in $(spread 16 "$dir/jpeg") $(spread 8 "$dir/png"); do ln "$f" "$dir/mixed/"; done

mb() { du -cm --apparent-size "$@" | tail -1 | cut -f1; }
awk -F'\t' -v dir="$dir" '
  { n++; fmt[$2]++; mp += $4 * $5 / 1e6
    if ($2 == "JPEG") { prog += $6; if ($7 == "444") s444++; if ($7 == "422") s422++; if ($7 == "420") s420++; if ($7 == "-") grey++ }
    if ($2 == "PNG" && $3 == "RGBA") { rgba++; if ($8 == "real") transparent++ }
    if ($2 == "WEBP" && $8 == "real") webp_alpha++ }
  END { printf "%s: %d images, %.0f MP in all\n", dir, n, mp
        printf "  %d JPEG (%d progressive; %d 4:4:4, %d 4:2:2, %d 4:2:0, %d grey), %d PNG (%d RGBA, %d of them with transparency), %d WebP (%d with transparency)\n",
          fmt["JPEG"], prog, s444, s422, s420, grey, fmt["PNG"], rgba, transparent, fmt["WEBP"], webp_alpha }' "$work/classes"
for sub in jpeg png webp mixed; do
  printf '  %-6s %3d files, %4d MB\n' "$sub/" "$(ls "$dir/$sub" | wc -l)" "$(mb "$dir/$sub"/*)"
done
printf '  all    %3d files, %4d MB\n' "$(wc -l <"$work/all")" "$(xargs -a "$work/all" -d '\n' du -cm --apparent-size | tail -1 | cut -f1)"
