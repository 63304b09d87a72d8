#!/bin/sh
# Makes parathumb.jsa beside this script (written by scripts/installer.sh): the class-data-sharing
# archive of a training run, the classes a run loads already parsed, verified and linked, mapped
# at start-up by bin/parathumb. The archive records the absolute class path, so it is made where
# the app image lives: at build time for the app image, by the .deb's postinst for /opt/parathumb.
# Without it Parathumb runs the same, slower. The class path is bin/parathumb's, in its order.
set -eu
app=$(dirname "$(readlink -f "$0")")
root=$(dirname "$(dirname "$app")")
java=$root/lib/runtime/bin/java
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -f "$app/parathumb.jsa"
"$java" -cp "@CLASS_PATH@" @MAIN_CLASS@ generate "$work/images" --count 6 --megapixels 1 >/dev/null
"$java" -XX:ArchiveClassesAtExit="$app/parathumb.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -cp "@CLASS_PATH@" @MAIN_CLASS@ run "$work/images" --out "$work/thumbs" >/dev/null
