#!/bin/sh
# Makes parathumb.jsa beside this script (written by scripts/installer.sh): the archive of the
# classes that training runs load, already parsed (and, on JDK 25, linked), mapped at start-up by
# bin/parathumb. It records the absolute class path, so it is made where the app image lives: at
# build time for the app image, by the .deb's postinst for /opt/parathumb. Without it Parathumb
# runs the same, slower. The training runs are a command (`run` on generated photos) and, when
# xvfb-run is installed, the window on a virtual display, which closes itself after its first frame.
set -eu
app=$(dirname "$(readlink -f "$0")")
root=$(dirname "$(dirname "$app")")
java=$root/lib/runtime/bin/java
class_path="@CLASS_PATH@"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -f "$app/parathumb.jsa" "$app/parathumb.jsa.home"
"$java" @JAVA_OPTIONS@ -cp "$class_path" @MAIN_CLASS@ generate "$work/images" --count 6 --megapixels 1 >/dev/null
if [ @JAVA_FEATURE@ -ge 25 ]; then
    # An AOT cache (JEP 483 and 514): the training run's classes loaded and linked ahead of time.
    # One training process only: the command's.
    "$java" @JAVA_OPTIONS@ -XX:AOTCacheOutput="$app/parathumb.jsa" -Xlog:aot=off -Xlog:cds=off \
        -cp "$class_path" @MAIN_CLASS@ run "$work/images" --out "$work/thumbs" >/dev/null 2>"$work/aot.log"
    # The JVM that writes the cache is a child: its failure leaves an empty file and a zero status.
    [ -s "$app/parathumb.jsa" ] || { rm -f "$app/parathumb.jsa"; cat "$work/aot.log" >&2; exit 1; }
    printf '%s\n' "$app" >"$app/parathumb.jsa.home"
    exit 0
fi
# A static archive made from the list of classes the training runs loaded. A dynamic archive
# (-XX:ArchiveClassesAtExit) cannot hold picocli's classes, whose Java 5 bytecode JDK 17 archives
# only in a static one, nor the classes linked against them (our option converters).
"$java" -XX:DumpLoadedClassList="$work/run.classlist" -cp "$class_path" @MAIN_CLASS@ \
    run "$work/images" --out "$work/thumbs" >/dev/null
if command -v xvfb-run >/dev/null 2>&1; then
    # The window's own 3,000 JavaFX classes. A window that fails to paint costs the archive only those.
    timeout 120 xvfb-run -a "$java" -XX:DumpLoadedClassList="$work/window.classlist" \
        -Dparathumb.startupProbe=exit -Djava.util.prefs.userRoot="$work/prefs" \
        -cp "$class_path" @MAIN_CLASS@ >/dev/null 2>&1 || rm -f "$work/window.classlist"
fi
cat "$work"/*.classlist >"$work/all.classlist"
"$java" -Xshare:dump -XX:SharedClassListFile="$work/all.classlist" -XX:SharedArchiveFile="$app/parathumb.jsa" \
    -cp "$class_path" >"$work/dump.log" 2>&1 || { cat "$work/dump.log" >&2; exit 1; }
printf '%s\n' "$app" >"$app/parathumb.jsa.home"
