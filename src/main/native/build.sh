#!/bin/sh
# Builds the optional native library for Linux x86-64 (the blur+reduce kernel and the codecs)
# into the resources, where the jar picks it up. Compiles every *.c here. Needs gcc, a JDK (for
# jni.h) and the codecs' headers (Debian: libjpeg62-turbo-dev, libspng-dev, libwebp-dev, libheif-dev,
# libjxl-dev); the libraries themselves are opened at run time, so none is linked in. The result
# is committed, so a build with only a JDK and Maven still has it. NativeLibraryTest checks the
# committed library was built from the committed source (the SHA-256 of every *.c and *.h here,
# in name order, is compiled in).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../resources/org/parathumb/core/image/nativecodec/native/linux-x86_64/libparathumb-blur.so"
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
cd "$here"
sources=$(LC_ALL=C ls *.c *.h)
digest=$(cat $sources | sha256sum | cut -d' ' -f1)
gcc -std=c11 -O3 -Wall -Wextra -Werror -fPIC -shared -s \
    -fvisibility=hidden -ffile-prefix-map="$here"=. \
    -fstack-protector-strong -D_FORTIFY_SOURCE=2 -Wl,-z,now -Wl,-z,relro -Wl,-z,noexecstack \
    -I"$java_home/include" -I"$java_home/include/linux" -I/usr/include/x86_64-linux-gnu \
    -DPARATHUMB_SOURCE_SHA256="\"$digest\"" \
    -o "$out" $(LC_ALL=C ls *.c) -ldl -lpthread
echo "built $(basename "$out") from" $sources "($digest)"
