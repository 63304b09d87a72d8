#!/bin/sh
# Remakes the sample files in this folder with Debian 12's encoders and Pillow (apt-get install
# webp libheif-examples libavif-bin libjxl-tools python3-pil), then the references: the library's
# own decoder (dwebp is not needed: Pillow reads WebP; heif-convert, djxl) writes a PNG, and Pillow
# blurs and thumbnails that PNG as the original program does. The committed files are what the
# tests read; this script says how they were made.
set -eu
cd "$(dirname "$0")"
/usr/bin/python3 - <<'PY'
from PIL import Image, ImageDraw
import random
random.seed(12)
w, h = 96, 64
photo = Image.new("RGB", (w, h))
px = photo.load()
for y in range(h):
    for x in range(w):
        px[x, y] = (int(255 * x / w), int(255 * y / h), 128 + random.randint(-40, 40))
d = ImageDraw.Draw(photo)
d.ellipse((20, 10, 70, 55), fill=(250, 240, 200))
d.rectangle((0, 0, 12, 12), fill=(255, 0, 0))
photo.save("src-photo.png")
alpha = photo.convert("RGBA")
a = Image.new("L", (w, h))
ap = a.load()
for y in range(h):
    for x in range(w):
        ap[x, y] = 0 if x < 16 else min(255, (x - 16) * 4)
alpha.putalpha(a)
alpha.save("src-alpha.png")
# Raw RGB samples for the rotated HEIF, which heif-enc cannot make: a few lines against libheif do.
open("/tmp/parathumb-photo.rgb", "wb").write(photo.tobytes())
PY
cat > /tmp/parathumb-rotated-heic.c <<'C'
#include <libheif/heif.h>
#include <stdio.h>
#include <string.h>
/* Encodes 96x64 raw RGB as HEVC with irot/imir saying "rotate 90 degrees clockwise" (EXIF 6). */
int main(int argc, char **argv) {
    static unsigned char rgb[96 * 64 * 3];
    FILE *in = fopen(argv[1], "rb");
    if (argc < 3 || !in || fread(rgb, 1, sizeof rgb, in) != sizeof rgb) return 1;
    struct heif_context *ctx = heif_context_alloc();
    struct heif_encoder *encoder;
    heif_context_get_encoder_for_format(ctx, heif_compression_HEVC, &encoder);
    heif_encoder_set_lossy_quality(encoder, 80);
    struct heif_image *image;
    heif_image_create(96, 64, heif_colorspace_RGB, heif_chroma_interleaved_RGB, &image);
    heif_image_add_plane(image, heif_channel_interleaved, 96, 64, 8);
    int stride;
    unsigned char *plane = heif_image_get_plane(image, heif_channel_interleaved, &stride);
    for (int y = 0; y < 64; y++) memcpy(plane + y * stride, rgb + y * 96 * 3, 96 * 3);
    struct heif_encoding_options *options = heif_encoding_options_alloc();
    options->image_orientation = heif_orientation_rotate_90_cw;
    struct heif_error error = heif_context_encode_image(ctx, image, encoder, options, NULL);
    if (error.code) return 2;
    error = heif_context_write_to_file(ctx, argv[2]);
    return error.code ? 3 : 0;
}
C
gcc -o /tmp/parathumb-rotated-heic /tmp/parathumb-rotated-heic.c -I/usr/include/x86_64-linux-gnu $(pkg-config --cflags --libs libheif)
# WebP: lossy and lossless, opaque and with alpha, and a two-frame animation.
cwebp -quiet -q 80 src-photo.png -o lossy.webp
cwebp -quiet -lossless src-photo.png -o lossless.webp
cwebp -quiet -q 80 src-alpha.png -o lossy-alpha.webp
cwebp -quiet -lossless -exact src-alpha.png -o lossless-alpha.webp
img2webp -loop 0 -lossy src-photo.png -lossless src-alpha.png -o animated.webp >/dev/null
# HEIF/HEIC (HEVC through x265), with alpha, and rotated (irot and imir boxes: 90 degrees clockwise).
heif-enc -q 80 src-photo.png -o photo.heic
heif-enc -q 80 src-alpha.png -o alpha.heic
/tmp/parathumb-rotated-heic /tmp/parathumb-photo.rgb rotated.heic
# AVIF (AV1 through libaom): 8-bit, 10-bit, with alpha.
avifenc --min 10 --max 30 -s 8 src-photo.png photo.avif >/dev/null
avifenc --min 10 --max 30 -s 8 -d 10 src-photo.png 10bit.avif >/dev/null
avifenc --min 10 --max 30 -s 8 src-alpha.png alpha.avif >/dev/null
# JPEG XL: lossy and lossless, with alpha, and a bare codestream (FF 0A) beside the container.
cjxl -q 85 src-photo.png photo.jxl >/dev/null 2>&1
cjxl -d 0 src-alpha.png alpha.jxl >/dev/null 2>&1
cjxl -q 85 --container=1 src-photo.png container.jxl >/dev/null 2>&1
# References. WebP: Pillow decodes it itself. The others: the library's own decoder writes a PNG
# (heif-convert applies irot/imir; 10-bit samples become 16-bit PNG samples, which Pillow reads
# as their high byte), which Pillow then opens. Each gives the decoded pixels (NAME.decoded.png)
# and the original program's thumbnail of them (NAME.thumb.png: GaussianBlur(2), thumbnail 50x50).
mkdir -p reference
for f in *.webp; do cp "$f" "/tmp/parathumb-ref-$f"; done
for f in *.heic *.avif; do heif-convert -q 100 "$f" "/tmp/parathumb-ref-$f.png" >/dev/null; done
for f in *.jxl; do djxl "$f" "/tmp/parathumb-ref-$f.png" >/dev/null 2>&1; done
/usr/bin/python3 - <<'PY'
import glob, os
from PIL import Image, ImageFilter
for name in sorted(glob.glob("*.webp") + glob.glob("*.heic") + glob.glob("*.avif") + glob.glob("*.jxl")):
    path = "/tmp/parathumb-ref-" + name + ("" if name.endswith(".webp") else ".png")
    img = Image.open(path)
    img.load()
    if img.mode not in ("RGB", "RGBA"):
        img = img.convert("RGBA" if "A" in img.mode else "RGB")
    img.save("reference/" + name + ".decoded.png")
    img = img.filter(ImageFilter.GaussianBlur())
    img.thumbnail((50, 50))
    img.save("reference/" + name + ".thumb.png")
    print(name, img.mode, img.size)
PY
rm -f /tmp/parathumb-ref-* /tmp/parathumb-photo.rgb /tmp/parathumb-rotated-heic*
echo made
# large-lossless.webp (4096x4096, 6 KB: three gradients, lossless) is for the cancel test:
#   python3 -c "from PIL import Image; g = Image.linear_gradient('L').resize((4096, 4096));
#     Image.merge('RGB', (g, g.rotate(90), g.transpose(Image.FLIP_TOP_BOTTOM))).save('/tmp/big4k.png')"
#   cwebp -quiet -lossless -z 9 /tmp/big4k.png -o large-lossless.webp
# large-lossy.webp (1200x800, lossy, opaque) is for the fast pipeline's scaled WebP decode:
#   python3 -c "from PIL import Image, ImageDraw; import random; random.seed(7)
#     img = Image.open('src-photo.png').resize((1200, 800), Image.BICUBIC); d = ImageDraw.Draw(img)
#     for i in range(60):
#         x, y = random.randrange(1200), random.randrange(800); r = random.randrange(10, 80)
#         d.ellipse((x, y, x + r, y + r), fill=tuple(random.randrange(256) for _ in range(3)))
#     img.save('/tmp/big-lossy.png')"
#   cwebp -quiet -q 80 /tmp/big-lossy.png -o large-lossy.webp
# large-lossless-alpha.webp (1200x800, lossless, real alpha) is one that route leaves to the faithful pipeline:
#   python3 -c "from PIL import Image; g = Image.linear_gradient('L').resize((1200, 800))
#     a = g.rotate(90, expand=False).resize((1200, 800))
#     Image.merge('RGBA', (g, g.transpose(Image.FLIP_LEFT_RIGHT), g.transpose(Image.FLIP_TOP_BOTTOM), a)).save('/tmp/big-alpha.png')"
#   cwebp -quiet -lossless -exact /tmp/big-alpha.png -o large-lossless-alpha.webp
