#!/bin/sh
# Builds the optional native blur+reduce kernel for Linux x86-64 into the resources, where the
# jar picks it up. Needs gcc, a JDK (for jni.h) and libjpeg's headers (Debian: libjpeg62-turbo-dev;
# the library itself is opened at run time, so it is not linked in). The result is committed, so a
# build with only a JDK and Maven still has it. NativeBlurReduceTest checks the committed library was built from
# the committed source (the SHA-256 of blur_reduce.c followed by blur_kernel.h is compiled in).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src="$here/blur_reduce.c"
kernel="$here/blur_kernel.h"
out="$here/../resources/org/parathumb/core/image/nativecodec/native/linux-x86_64/libparathumb-blur.so"
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
digest=$(cat "$src" "$kernel" | sha256sum | cut -d' ' -f1)
gcc -std=c11 -O3 -Wall -Wextra -Werror -fPIC -shared -s \
    -fvisibility=hidden -ffile-prefix-map="$here"=. \
    -I"$java_home/include" -I"$java_home/include/linux" \
    -DPARATHUMB_SOURCE_SHA256="\"$digest\"" \
    -o "$out" "$src" -ldl
echo "built $(basename "$out") from blur_reduce.c and blur_kernel.h ($digest)"
