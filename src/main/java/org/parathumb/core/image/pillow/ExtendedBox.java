package org.parathumb.core.image.pillow;


/**
 * One pass of Pillow's "extended box" filter in 24-bit fixed point (BoxBlur.c): each output is
 * {@code (innerWeight * sum(in[x-radius .. x+radius]) + edgeWeight * (in[x-radius-1] + in[x+radius+1]) + 2^23) >>> 24},
 * edges replicated. For Pillow's GaussianBlur(2) that is radius 1, inner 4473924, edge 1677722.
 *
 * @param radius the integer part of the box radius
 * @param innerWeight weight of the {@code 2 * radius + 1} inner samples, {@code ww} in Pillow
 * @param edgeWeight weight of the two samples just outside, {@code fw} in Pillow
 */
public record ExtendedBox(int radius, int innerWeight, int edgeWeight) {

    static final int ONE = 1 << 24;
    public static final int HALF = 1 << 23;

    /** The number of box passes per direction in Pillow's Gaussian blur. */
    public static final int PASSES = 3;

    /**
     * Equal when all three components are, as a record's generated equals says; written out
     * because the pipelines compare a box with the native kernel's on every image, and the
     * generated one spins about 17 method-handle classes at its first call (7 ms of a cold run).
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof ExtendedBox box && radius == box.radius && innerWeight == box.innerWeight
                && edgeWeight == box.edgeWeight;
    }

    @Override
    public int hashCode() {
        return (radius * 31 + innerWeight) * 31 + edgeWeight;
    }

    public ExtendedBox {
        if (radius < 0) {
            throw new IllegalArgumentException("radius must not be negative, got " + radius);
        }
        if (innerWeight < 0 || edgeWeight < 0
                || (long) innerWeight * (2L * radius + 1) + 2L * edgeWeight > ONE) {
            throw new IllegalArgumentException(
                    "weights must be non-negative and sum to at most 2^24, got " + innerWeight + ", " + edgeWeight);
        }
    }

    /**
     * The box Pillow uses for {@code ImageFilter.GaussianBlur(gaussianRadius)}, computed in
     * single precision exactly as {@code _gaussian_blur_radius} and {@code ImagingHorizontalBoxBlur}
     * do. Empty radius 0 gives the identity box (radius 0, inner weight 2^24).
     */
    public static ExtendedBox forGaussianRadius(double gaussianRadius) {
        if (!(gaussianRadius >= 0)) {
            throw new IllegalArgumentException("radius must be >= 0, got " + gaussianRadius);
        }
        float boxRadius = boxRadius((float) gaussianRadius, PASSES);
        int radius = (int) boxRadius;
        int inner = (int) ((float) ONE / (boxRadius * 2 + 1));
        int edge = (ONE - (radius * 2 + 1) * inner) / 2;
        return new ExtendedBox(radius, inner, edge);
    }

    /** Pillow's {@code _gaussian_blur_radius}: Gwosdek et al.'s extended box radius, in floats. */
    static float boxRadius(float radius, int passes) {
        float sigma2 = radius * radius / passes;
        float length = (float) Math.sqrt(12.0 * sigma2 + 1.0);
        float l = (float) Math.floor((length - 1.0) / 2.0);
        float a = (2 * l + 1) * (l * (l + 1) - 3 * sigma2);
        a /= 6 * (sigma2 - (l + 1) * (l + 1));
        return l + a;
    }

    /** True when a pass leaves every sample as it is. */
    public boolean isIdentity() {
        return radius == 0 && innerWeight == ONE;
    }
}
