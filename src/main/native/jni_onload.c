/*
 * The library's entry point: each C file registers its own native methods on its own Java class
 * (RegisterNatives), so no symbol spells a package name and a move touches PARATHUMB_PACKAGE only.
 * A new C file adds its registration function to REGISTRATIONS.
 */
#include <stdio.h>
#include "parathumb_native.h"

#ifndef PARATHUMB_SOURCE_SHA256
#error "build with build.sh, which compiles in the SHA-256 of the sources"
#endif

static int (*const REGISTRATIONS[])(JNIEnv *) = {
    parathumb_register_blur_reduce,
    parathumb_register_libjpeg,
    parathumb_register_jpeg_scaled,
    parathumb_register_png_decode,
    parathumb_register_png_inflate,
    parathumb_register_resample,
    parathumb_register_webp,
    parathumb_register_heif,
    parathumb_register_jxl,
    parathumb_register_memory,
    parathumb_register_zlib_deflate,
    parathumb_register_png_filter,
};

static jclass abort_class;
static jmethodID abort_requested;

int parathumb_register(JNIEnv *env, const char *simple_name, const JNINativeMethod *methods, int count) {
    char name[256];
    snprintf(name, sizeof name, "%s%s", PARATHUMB_PACKAGE, simple_name);
    jclass cls = (*env)->FindClass(env, name);
    if (cls == NULL) {
        return -1; /* FindClass left an exception: System.load throws it */
    }
    int result = (*env)->RegisterNatives(env, cls, methods, count) != 0 ? -1 : 0;
    (*env)->DeleteLocalRef(env, cls);
    return result;
}

int parathumb_abort_requested(parathumb_abort *abort) {
    if (!abort->requested && abort->env == NULL) {
        abort->requested = __atomic_load_n(abort->stop, __ATOMIC_ACQUIRE);
    } else if (!abort->requested) {
        abort->requested = (*abort->env)->CallStaticBooleanMethod(abort->env, abort_class, abort_requested)
                || (*abort->env)->ExceptionCheck(abort->env);
    }
    return abort->requested;
}

static jstring JNICALL native_sourceDigest(JNIEnv *env, jclass cls) {
    (void) cls;
    return (*env)->NewStringUTF(env, PARATHUMB_SOURCE_SHA256);
}

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved) {
    (void) reserved;
    JNIEnv *env;
    if ((*vm)->GetEnv(vm, (void **) &env, JNI_VERSION_1_8) != JNI_OK) {
        return JNI_ERR;
    }
    parathumb_keep_freed_memory();
    jclass cls = (*env)->FindClass(env, PARATHUMB_PACKAGE "NativeAbort");
    if (cls == NULL) {
        return JNI_ERR;
    }
    abort_class = (*env)->NewGlobalRef(env, cls);
    abort_requested = (*env)->GetStaticMethodID(env, cls, "requested", "()Z");
    if (abort_class == NULL || abort_requested == NULL) {
        return JNI_ERR;
    }
    static const JNINativeMethod digest[] = {{"sourceDigest", "()Ljava/lang/String;", (void *) native_sourceDigest}};
    if (parathumb_register(env, "NativeLibrary", digest, 1) != 0) {
        return JNI_ERR;
    }
    for (size_t i = 0; i < sizeof REGISTRATIONS / sizeof REGISTRATIONS[0]; i++) {
        if (REGISTRATIONS[i](env) != 0) {
            return JNI_ERR;
        }
    }
    return JNI_VERSION_1_8;
}
