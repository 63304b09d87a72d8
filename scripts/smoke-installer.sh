#!/usr/bin/env bash
# Smoke-tests what `mvn -Pinstaller package` built on Linux: the launcher answers --version, runs
# the bundled images, and reads and writes a non-ASCII file name under the C locale (its wrapper
# makes the character type UTF-8), opens the window on a virtual display when xvfb-run is
# installed (it closes itself after its first frame); the .deb holds the launcher and the scripts
# that put `parathumb` on the PATH. Usage: scripts/smoke-installer.sh [TARGET_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:-target}
launcher=$target/dist/parathumb/bin/parathumb
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

version=$("$launcher" --version)
[[ $version == "parathumb "* ]] || { echo "smoke: --version printed '$version'" >&2; exit 1; }

"$launcher" run images --out "$work/thumbs" >"$work/run.log"
expected=$(find images -maxdepth 1 -type f \( -name '*.jpg' -o -name '*.png' \) | wc -l)
made=$(find "$work/thumbs" -maxdepth 1 -type f | wc -l)
[ "$made" -eq "$expected" ] || { echo "smoke: run made $made thumbnails of $expected" >&2; cat "$work/run.log" >&2; exit 1; }

mkdir "$work/named"
cp images/sample-01-landscape.jpg "$work/named/été ☀.jpg"
env -u LC_ALL -u LC_CTYPE LANG=C "$launcher" run "$work/named" --out "$work/named-thumbs" >"$work/named.log"
[ -f "$work/named-thumbs/été ☀.jpg" ] || { echo "smoke: no thumbnail for a non-ASCII name under LANG=C" >&2; cat "$work/named.log" >&2; exit 1; }

window="no display to try the window on"
if command -v xvfb-run >/dev/null 2>&1; then
    JAVA_TOOL_OPTIONS="-Dparathumb.startupProbe=exit -Djava.util.prefs.userRoot=$work/prefs" \
        timeout 120 xvfb-run -a "$launcher" >"$work/window.log" 2>&1 \
        || { echo "smoke: the window did not open and close" >&2; cat "$work/window.log" >&2; exit 1; }
    window=$(grep -o 'first frame.*' "$work/window.log") \
        || { echo "smoke: the window showed no first frame" >&2; cat "$work/window.log" >&2; exit 1; }
fi

deb=$(ls "$target"/dist/parathumb_*.deb)
dpkg-deb --contents "$deb" | grep ' ./opt/parathumb/bin/parathumb$' >/dev/null
# The desktop entry passes what the user opens with it (folders or images) to the window.
dpkg-deb --fsys-tarfile "$deb" | tar -xO ./opt/parathumb/lib/parathumb-parathumb.desktop | grep '^Exec=/opt/parathumb/bin/parathumb %F$' >/dev/null
dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./postinst | grep 'ln -sf /opt/parathumb/bin/parathumb /usr/bin/parathumb' >/dev/null
echo "smoke: $version; $made thumbnails; a non-ASCII name under LANG=C; window: $window; $(basename "$deb") $(du -h "$deb" | cut -f1)"
