#!/bin/sh
# Makes parathumb.jsa beside this script: the class-data-sharing archive of a training run (the
# classes a run loads, already parsed, verified and linked, mapped at start-up). The archive holds
# the absolute class path, so it is made where the app image lives: at build time for the app
# image, and by the .deb's postinst for /opt/parathumb. Without it Parathumb runs the same, slower.
set -eu
app=$(dirname "$(readlink -f "$0")")
runtime=$(dirname "$app")/runtime
cfg=$app/parathumb-jvm.cfg
class_path=$(sed -n 's/^app\.classpath=\$APPDIR/'"$(printf '%s' "$app" | sed 's/[\/&|]/\\&/g')"'/p' "$cfg" | paste -sd: -)
main_class=$(sed -n 's/^app\.mainclass=//p' "$cfg")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -f "$app/parathumb.jsa"
"$runtime/bin/java" -cp "$class_path" "$main_class" generate "$work/images" --count 6 --megapixels 1 >/dev/null
"$runtime/bin/java" -XX:ArchiveClassesAtExit="$app/parathumb.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -cp "$class_path" "$main_class" run "$work/images" --out "$work/thumbs" >/dev/null
