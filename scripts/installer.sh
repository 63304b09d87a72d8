#!/usr/bin/env bash
# Builds Parathumb's app image and installer; `mvn -Pinstaller package` runs it after staging
#   target/installer/app/  the application jar and its non-JavaFX dependencies (the class path)
#   target/installer/jfx/  this platform's JavaFX jars (modular jars, which jlink links like jmods)
# It writes target/dist/parathumb/ (the app image, whose launcher is bin/parathumb) and, on Linux,
# target/dist/parathumb_VERSION_ARCH.deb. Needs a JDK 17+ (jdeps, jlink, jpackage): INSTALLER_JDK's,
# else JAVA_HOME's, else the PATH's; the app image's runtime is linked from that JDK. The .deb needs
# fakeroot and dpkg-deb, an .msi WiX 3, a .dmg or .pkg Xcode's command-line tools.
# Usage: scripts/installer.sh TARGET_DIR VERSION MAIN_CLASS [TYPE]
# TYPE is a jpackage --type (deb, rpm, msi, exe, dmg, pkg) or "none" for the app image only; it
# defaults to deb on Linux, msi on Windows and dmg on macOS.
set -euo pipefail

project=$(cd "$(dirname "$0")/.." && pwd)
target=$(cd "$1" && pwd)
version=$2
main_class=$3
os=$(uname -s)
case "$os" in
    Linux) type=${4:-deb} ;;
    Darwin) type=${4:-dmg} ;;
    *) type=${4:-msi} ;;
esac
staged=$target/installer
dist=$target/dist
name=parathumb
jdk=${INSTALLER_JDK:-${JAVA_HOME:-}}
tools=${jdk:+$jdk/bin/}
# jpackage wants a purely numeric version: 0.1.0-SNAPSHOT is packaged as 0.1.0.
numeric_version=${version%%-*}
description="Blurs and thumbnails whole folders of images in parallel"

rm -rf "$dist" "$staged/runtime" "$staged/jfx-modules"
mkdir -p "$dist" "$staged/jfx-modules"
cp "$target/$name-$version.jar" "$staged/app/$name.jar"
# Maven gives each JavaFX module twice: an empty jar and the platform's (classifier linux, win,
# mac...). Only the latter are modules.
for jar in "$staged"/jfx/javafx-*-[0-9]*-*.jar; do
    cp "$jar" "$staged/jfx-modules/"
done

# 1. The modules the class path needs, JavaFX's included, as jdeps sees them. No jdk.localedata:
#    every message is English and every number is formatted in Locale.ROOT.
modules=$("${tools}jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps \
    --module-path "$staged/jfx-modules" "$staged"/app/*.jar)
echo "installer: runtime modules $modules"

# 2. A runtime of only those modules, with its own default CDS archive of the JDK's classes.
"${tools}jlink" --module-path "$staged/jfx-modules" --add-modules "$modules" \
    --strip-debug --no-header-files --no-man-pages --generate-cds-archive \
    --output "$staged/runtime"
java_feature=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$staged/runtime/release")
echo "installer: runtime from $("${tools}jlink" --version 2>&1 | head -1), Java $java_feature"

# 3. The app image. On Linux its launcher is our bin/parathumb (step 4).
image_options=()
if [ "$os" = Linux ]; then
    image_options=(--icon "$project/src/main/resources/org/parathumb/ui/icon-256.png")
fi
"${tools}jpackage" --type app-image --dest "$dist" --name "$name" --app-version "$numeric_version" \
    --description "$description" --vendor Parathumb \
    --runtime-image "$staged/runtime" --input "$staged/app" --main-jar "$name.jar" --main-class "$main_class" \
    ${image_options[@]+"${image_options[@]}"}

image=$dist/$name
package_options=()
if [ "$os" = Linux ]; then
    # 4. bin/parathumb starts the runtime with the class path of jpackage's native launcher (kept
    #    as bin/parathumb-jvm, its .cfg renamed along), under a UTF-8 locale, with the application's
    #    archive: a static CDS archive up to JDK 24, an AOT cache from JDK 25 (decision 0012). From
    #    JDK 22 on, loading a native library (ours, JavaFX's) without --enable-native-access prints
    #    a warning.
    archive_option=-XX:SharedArchiveFile
    log_options=
    java_options=
    if [ "$java_feature" -ge 25 ]; then
        archive_option=-XX:AOTCache
        log_options=-Xlog:aot=off
    fi
    if [ "$java_feature" -ge 22 ]; then
        java_options="--enable-native-access=ALL-UNNAMED,javafx.graphics"
    fi
    if [ "$java_feature" -ge 24 ]; then
        # JavaFX 21's Marlin renderer allocates through sun.misc.Unsafe, which JDK 24+ warns about.
        java_options="$java_options --sun-misc-unsafe-memory-access=allow"
    fi
    mv "$image/bin/$name" "$image/bin/$name-jvm"
    mv "$image/lib/app/$name.cfg" "$image/lib/app/$name-jvm.cfg"
    class_path=$(sed -n 's|^app\.classpath=\$APPDIR/|$app/|p' "$image/lib/app/$name-jvm.cfg" | paste -sd: -)
    for script in "bin/$name:$name" "lib/app/cds-archive.sh:cds-archive.sh"; do
        sed -e "s|@CLASS_PATH@|$class_path|" -e "s|@MAIN_CLASS@|$main_class|" \
            -e "s|@ARCHIVE_OPTION@|$archive_option|" -e "s| @LOG_OPTIONS@|${log_options:+ $log_options}|" \
            -e "s| @JAVA_OPTIONS@|${java_options:+ $java_options}|" -e "s|@JAVA_FEATURE@|$java_feature|" \
            "$project/src/installer/linux/${script#*:}" >"$image/${script%%:*}"
        chmod 755 "$image/${script%%:*}"
    done
    # 5. The application's archive: the classes of training runs (a command, and the window when
    #    xvfb-run is installed). It records the absolute class path, so it serves this app image
    #    where it is; the .deb's postinst makes another.
    "$image/lib/app/cds-archive.sh"
    # The .deb installs into /opt/parathumb: a desktop entry with the icon, `parathumb` on the PATH
    # (postinst), and nothing left behind on removal (prerm).
    package_options=(--install-dir /opt --resource-dir "$project/src/installer/linux/deb"
        --linux-shortcut --linux-menu-group Graphics --linux-app-category graphics
        --linux-package-name "$name" --linux-deb-maintainer "parathumb@localhost")
elif [ "$os" = Darwin ]; then
    package_options=(--mac-package-name Parathumb)
else
    package_options=(--win-menu --win-shortcut --win-dir-chooser)
fi

if [ "$type" = none ]; then
    exit 0
fi

# 6. The installer, from the app image, without the app image's CDS archive (made for where it is).
app_files=$image/lib/app
for file in "$name.jsa" "$name.jsa.home"; do
    if [ -f "$app_files/$file" ]; then
        mv "$app_files/$file" "$staged/$file"
    fi
done
"${tools}jpackage" --type "$type" --dest "$dist" --name "$name" --app-version "$numeric_version" \
    --description "$description" --vendor Parathumb --license-file "$project/LICENSE" \
    --app-image "$image" ${package_options[@]+"${package_options[@]}"}
for file in "$name.jsa" "$name.jsa.home"; do
    if [ -f "$staged/$file" ]; then
        mv "$staged/$file" "$app_files/$file"
    fi
done
ls -l "$dist"
