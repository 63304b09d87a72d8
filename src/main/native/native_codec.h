/*
 * What the C files of libparathumb-blur.so share: each codec file registers its own JNI methods
 * (register_* below, called from JNI_OnLoad in blur_reduce.c), opens its system library with
 * dlopen at run time (never linked), and reports with the same result codes, which the Java side
 * (org.parathumb.core.image.nativecodec.NativeImages) turns into a failure or a cancel.
 */
#ifndef PARATHUMB_NATIVE_CODEC_H
#define PARATHUMB_NATIVE_CODEC_H

#include "parathumb_native.h" /* JNI, and dlopen bound at glibc 2.17's symbol versions */

#define NATIVE_PACKAGE PARATHUMB_PACKAGE

/* Result codes of every native decode, the same numbers as NativeImages.Result on the Java side. */
enum {
    CODEC_DONE = 0,
    CODEC_TRUNCATED = 1,   /* the data ended before the image did */
    CODEC_CANCELLED = 2,   /* the Java thread was interrupted */
    CODEC_CORRUPT = 3,     /* the library rejected the data */
    CODEC_UNSUPPORTED = 4, /* a feature or codec the library lacks */
    CODEC_NO_MEMORY = 5,
    CODEC_NO_LIBRARY = 6,  /* the system library is not there */
    CODEC_BAD_ARGUMENTS = -1
};

int register_webp(JNIEnv *env);
int register_heif(JNIEnv *env);
int register_jxl(JNIEnv *env);

/* Registers methods on NATIVE_PACKAGE + simple_name; 0 on success. */
static inline int register_methods(JNIEnv *env, const char *class_name, const JNINativeMethod *methods, int count) {
    jclass cls = (*env)->FindClass(env, class_name);
    if (cls == NULL) {
        return -1;
    }
    return (*env)->RegisterNatives(env, cls, methods, count) != 0 ? -1 : 0;
}

/* dlopen of the library Java names in {@code soname} (RTLD_NOW, local); NULL when it is not there. */
static inline void *open_library(JNIEnv *env, jstring soname) {
    const char *name = soname == NULL ? NULL : (*env)->GetStringUTFChars(env, soname, NULL);
    if (name == NULL) {
        return NULL;
    }
    void *library = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    (*env)->ReleaseStringUTFChars(env, soname, name);
    return library;
}

/* True when the Java thread was interrupted (NativeImages.interrupted()), or a Java exception is pending. */
static inline int java_interrupted(JNIEnv *env) {
    jclass cls = (*env)->FindClass(env, NATIVE_PACKAGE "NativeImages");
    if (cls == NULL) {
        return 1;
    }
    jmethodID interrupted = (*env)->GetStaticMethodID(env, cls, "interrupted", "()Z");
    int result = interrupted == NULL || (*env)->CallStaticBooleanMethod(env, cls, interrupted)
            || (*env)->ExceptionCheck(env);
    (*env)->DeleteLocalRef(env, cls);
    return result;
}

#endif
