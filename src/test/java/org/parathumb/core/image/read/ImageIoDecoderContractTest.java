package org.parathumb.core.image.read;

import java.util.List;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.TestFiles;

/** The ImageIO decoder keeps the decoder contract on each format it reads. */
class ImageIoDecoderContractTest extends DecoderContract {

    @Override
    Decoder decoder() {
        return new ImageIoDecoder();
    }

    @Override
    List<Sample> samples() {
        return List.of(
                new Sample("baseline.jpg", TestFiles.jpeg(TestFiles.picture(64, 48)), ImageFormat.JPEG, PixelLayout.RGB, 64, 48),
                new Sample("progressive.jpg", TestFiles.progressiveJpeg(TestFiles.picture(64, 48)), ImageFormat.JPEG,
                        PixelLayout.RGB, 64, 48),
                new Sample("gray.jpg", TestFiles.jpeg(TestFiles.gray(40, 30)), ImageFormat.JPEG, PixelLayout.GRAY, 40, 30),
                new Sample("cmyk.jpg", TestFiles.cmykJpeg(64, 48, 0), ImageFormat.JPEG, PixelLayout.RGB, 64, 48),
                new Sample("rgba.png", TestFiles.encode(TestFiles.rgba(30, 20), "png"), ImageFormat.PNG, PixelLayout.RGBA, 30, 20),
                new Sample("palette.png", TestFiles.encode(TestFiles.palette(30, 20, false), "png"), ImageFormat.PNG,
                        PixelLayout.RGB, 30, 20),
                new Sample("frames.gif", TestFiles.twoFrameGif(30, 20), ImageFormat.GIF, PixelLayout.RGB, 30, 20),
                new Sample("rgb.bmp", TestFiles.encode(TestFiles.picture(30, 20), "bmp"), ImageFormat.BMP, PixelLayout.RGB, 30, 20),
                new Sample("rgb.tif", TestFiles.encode(TestFiles.picture(30, 20), "tiff"), ImageFormat.TIFF, PixelLayout.RGB, 30, 20),
                new Sample("lossless.webp", TestFiles.webp(TestFiles.LOSSLESS_WEBP), ImageFormat.WEBP, PixelLayout.RGB, 12, 8));
    }
}
