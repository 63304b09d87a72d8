package org.parathumb.core.image.nativecodec;

/** For tests outside core.image: whether libwebp, libheif (HEVC and AV1) and libjxl are all open. */
public final class NativeHeifProbe {

    private NativeHeifProbe() {
    }

    public static boolean allReadable() {
        return NativeWebp.availability().readable() && NativeJxl.availability().readable()
                && NativeHeif.availability().readable() && NativeHeif.availability().description().contains("HEVC AV1");
    }

    public static String why() {
        return NativeWebp.availability().description() + "; " + NativeHeif.availability().description() + "; "
                + NativeJxl.availability().description();
    }
}
