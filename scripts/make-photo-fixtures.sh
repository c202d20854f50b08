#!/usr/bin/env bash
# Camera-like photo fixtures for banthao-media's tests and `make bench`, made from real
# photographs in Debian's mate-backgrounds (one is a Sony RX100 IV JPEG with its maker notes).
#
#   scripts/make-photo-fixtures.sh OUT_DIR
#
# Needs: mate-backgrounds, imagemagick, libimage-exiftool-perl, libheif-examples, colord-data and
# libgs-common (Ghostscript's CMYK profiles) (scripts/install-deps.sh).
# Idempotent: a stamp file makes a second run free. The big files (24 MP) live under target/,
# never in git; the tiny bad files are also committed in crates/media/fixtures/.
set -euo pipefail

OUT=${1:?usage: make-photo-fixtures.sh OUT_DIR}
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
STAMP="$OUT/.fixtures-v4"
[ -f "$STAMP" ] && exit 0

CAMERA=/usr/share/backgrounds/mate/abstract/Elephants_5640x3172.jpg
SCENE=/usr/share/backgrounds/mate/nature/Garden.jpg
P3_ICC="$ROOT/crates/media/fixtures/DisplayP3.icc"
ADOBE_ICC=/usr/share/color/icc/colord/AdobeRGB1998.icc
SRGB_ICC=/usr/share/color/icc/colord/sRGB.icc
# The standard press profile banthao-media assumes for CMYK without a profile, and another one.
SWOP_ICC=/usr/share/color/icc/ghostscript/default_cmyk.icc
PS_CMYK_ICC=/usr/share/color/icc/ghostscript/ps_cmyk.icc
for f in "$CAMERA" "$SCENE" "$ADOBE_ICC" "$SRGB_ICC" "$SWOP_ICC" "$PS_CMYK_ICC"; do
  [ -f "$f" ] || { echo "missing $f (apt-get install mate-backgrounds colord-data libgs-common)" >&2; exit 2; }
done
for t in convert exiftool heif-enc perl; do
  command -v "$t" >/dev/null || { echo "missing tool: $t" >&2; exit 2; }
done

mkdir -p "$OUT"
TMP="$(mktemp -d "$OUT/.tmp.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

CAPTION="Người dân phường Hải Sơn đi bộ trên tuyến đường ven biển mới thông xe."
BYLINE="Nguyễn Văn An"
CREDIT="Ảnh: Nguyễn Văn An"
COPYRIGHT="© 2024 Báo Bản Thảo"
EX=(exiftool -q -q -overwrite_original)

# The words that travel with a picture, in IPTC (UTF-8, with the 1:90 marker) and XMP.
caption_tags=(-charset iptc=UTF8 -IPTC:CodedCharacterSet=UTF8
  "-IPTC:Caption-Abstract=$CAPTION" "-IPTC:By-line=$BYLINE" "-IPTC:Credit=$CREDIT"
  "-IPTC:CopyrightNotice=$COPYRIGHT" "-IPTC:Keywords=giao thông" "-IPTC:Keywords=Đà Nẵng"
  "-XMP-dc:Description=$CAPTION" "-XMP-dc:Creator=$BYLINE" "-XMP-photoshop:Credit=$CREDIT"
  "-XMP-dc:Rights=$COPYRIGHT" "-XMP-dc:Subject=giao thông" "-XMP-dc:Subject=Đà Nẵng")

# 24 MP camera JPEG: the Sony's EXIF and maker notes, GPS, serial numbers, and a red 600×600
# block in the stored top-left corner so tests can see where orientation put it.
convert "$CAMERA" -resize '6000x4000^' -gravity center -extent 6000x4000 \
  -fill 'rgb(255,0,0)' -draw 'rectangle 0,0 599,599' -sampling-factor 2x2 -quality 92 "$TMP/camera.jpg"
"${EX[@]}" -TagsFromFile "$CAMERA" '-EXIF:all' '-MakerNotes' "$TMP/camera.jpg"
"${EX[@]}" -Orientation#=1 -ExifImageWidth=6000 -ExifImageHeight=4000 \
  -SerialNumber=4012345 -LensSerialNumber=LS-778899 -XMP-aux:SerialNumber=4012345 \
  -GPSLatitude=16.0678 -GPSLatitudeRef=N -GPSLongitude=108.2451 -GPSLongitudeRef=E \
  '-DateTimeOriginal=2024:06:01 07:30:15' -OffsetTimeOriginal=+07:00 \
  "${caption_tags[@]}" "$TMP/camera.jpg"
cp "$TMP/camera.jpg" "$TMP/camera-orient6.jpg"
cp "$TMP/camera.jpg" "$TMP/camera-orient8.jpg"
"${EX[@]}" -Orientation#=6 "$TMP/camera-orient6.jpg"
"${EX[@]}" -Orientation#=8 "$TMP/camera-orient8.jpg"

# Wide-gamut files: one flat colour, tagged (not converted) with Display P3 and Adobe RGB.
convert -size 1200x800 'xc:rgb(60,170,60)' -quality 95 "$TMP/flat.jpg"
convert "$TMP/flat.jpg" -profile "$P3_ICC" "$TMP/display-p3.jpg"
convert "$TMP/flat.jpg" -profile "$ADOBE_ICC" "$TMP/adobe-rgb.jpg"

# Other formats from a second photograph, each with an XMP caption.
convert "$SCENE" -resize 1600x1000 "$TMP/scene.jpg"
convert "$TMP/scene.jpg" "$TMP/photo.png"
convert "$TMP/scene.jpg" -quality 85 "$TMP/photo.webp"
"${EX[@]}" "${caption_tags[@]}" "$TMP/scene.jpg"
heif-enc -q 60 -o "$TMP/photo.heic" "$TMP/scene.jpg" >/dev/null
"${EX[@]}" "-XMP-dc:Description=$CAPTION" "-XMP-photoshop:Credit=$CREDIT" "$TMP/photo.png" "$TMP/photo.webp"

# What a photo desk receives besides camera JPEGs, from the same photograph (1600×1000).
# TIFF 8-bit RGB as an agency sends it: orientation tag 6, camera, serial number, GPS and the
# Vietnamese IPTC/XMP caption, with a red 200×200 block in the stored top-left corner.
convert "$TMP/scene.jpg" -fill 'rgb(255,0,0)' -draw 'rectangle 0,0 199,199' -compress lzw "$TMP/tiff-rgb8.tif"
"${EX[@]}" -Orientation#=6 -Make=SONY -Model=DSC-RX100M4 -SerialNumber=4012345 \
  -GPSLatitude=16.0678 -GPSLatitudeRef=N -GPSLongitude=108.2451 -GPSLongitudeRef=E \
  '-DateTimeOriginal=2024:06:01 07:30:15' "${caption_tags[@]}" "$TMP/tiff-rgb8.tif"
# 16-bit RGB (Deflate); JPEG-compressed; planar; tiled; CMYK through a profile that travels
# with the file (Ghostscript's PostScript CMYK) and, without one, separated for a SWOP press.
convert "$TMP/scene.jpg" -depth 16 -compress zip "$TMP/tiff-rgb16.tif"
convert "$TMP/scene.jpg" -compress jpeg -quality 90 "$TMP/tiff-jpeg.tif"
convert "$TMP/scene.jpg" -interlace plane -compress lzw "$TMP/tiff-planar.tif"
convert "$TMP/scene.jpg" -define tiff:tile-geometry=256x256 -compress lzw "$TMP/tiff-tiled.tif"
# Planar and tiled, with tiles overhanging the edges: the `tiff` crate (0.11) cannot read it.
convert "$TMP/scene.jpg" -interlace plane -define tiff:tile-geometry=256x256 -compress lzw "$TMP/tiff-planar-tiled.tif"
convert "$TMP/scene.jpg" -profile "$SRGB_ICC" -profile "$PS_CMYK_ICC" -compress lzw "$TMP/tiff-cmyk-icc.tif"
convert "$TMP/scene.jpg" -profile "$SRGB_ICC" -profile "$SWOP_ICC" +profile icc -compress lzw "$TMP/tiff-cmyk.tif"
"${EX[@]}" "-XMP-dc:Description=$CAPTION" "-XMP-photoshop:Credit=$CREDIT" "$TMP/tiff-cmyk-icc.tif"
# CMYK JPEG (Adobe, inverted YCCK) with its SWOP profile and with none.
convert "$TMP/scene.jpg" -profile "$SRGB_ICC" -profile "$SWOP_ICC" -quality 92 "$TMP/jpeg-cmyk.jpg"
convert "$TMP/jpeg-cmyk.jpg" +profile icc "$TMP/jpeg-cmyk-noicc.jpg"
"${EX[@]}" "${caption_tags[@]}" "$TMP/jpeg-cmyk.jpg"
# Animated GIF, two frames: the photograph (800×500), then plain blue; XMP caption.
convert "$TMP/scene.jpg" -resize 800x500 \( -size 800x500 xc:blue \) -set delay 50 -loop 0 "$TMP/photo.gif"
"${EX[@]}" "-XMP-dc:Description=$CAPTION" "-XMP-photoshop:Credit=$CREDIT" "$TMP/photo.gif"
convert "$TMP/scene.jpg" BMP3:"$TMP/photo.bmp"
# AVIF with libheif's AV1 encoder (aom), which copies the JPEG's EXIF and XMP.
heif-enc -A -q 60 -o "$TMP/photo.avif" "$TMP/scene.jpg" >/dev/null

# Legacy IPTC: Windows-1252 bytes and no 1:90 coded-character-set record.
convert "$SCENE" -resize 320x200 "$TMP/legacy-iptc.jpg"
"${EX[@]}" -charset iptc=cp1252 '-IPTC:Caption-Abstract=Café crème – Éric Müller, 5 €' \
  '-IPTC:By-line=Éric Müller' "$TMP/legacy-iptc.jpg"

# Bad files.
convert "$SCENE" -resize 240x150 -quality 85 "$TMP/small.jpg"
head -c "$(( $(stat -c %s "$TMP/small.jpg") * 6 / 10 ))" "$TMP/small.jpg" > "$TMP/truncated.jpg"
printf 'Đây không phải là ảnh.\n' > "$TMP/not-an-image.jpg"
convert "$SCENE" -resize 160x100 "$TMP/png-named.jpg.png" && mv "$TMP/png-named.jpg.png" "$TMP/png-named.jpg"
# Decompression bombs: headers that claim 60000×60000 pixels in a few hundred bytes.
perl -MCompress::Zlib -e '
  sub chunk { my ($t, $d) = @_; pack("N", length $d) . $t . $d . pack("N", crc32($t . $d)) }
  print "\x89PNG\r\n\x1a\n", chunk("IHDR", pack("NNCCCCC", 60000, 60000, 8, 2, 0, 0, 0)),
        chunk("IDAT", compress("\0" x 4096)), chunk("IEND", "");' > "$TMP/bomb.png"
perl -0777 -ne 'my $i = index($_, "\xFF\xC0"); die "no SOF0" if $i < 0;
  substr($_, $i + 5, 4) = pack("nn", 60000, 60000); print' "$TMP/small.jpg" > "$TMP/bomb.jpg"
# TIFF: 60000×60000 greyscale in one Deflate strip of a few bytes.
perl -MCompress::Zlib -e '
  my $strip = compress("\0" x 4096); my @e = ([256, 4, 60000], [257, 4, 60000], [258, 3, 8], [259, 3, 8],
    [262, 3, 1], [273, 4, 8 + 2 + 9 * 12 + 4], [277, 3, 1], [278, 4, 60000], [279, 4, length $strip]);
  print "II*\0", pack("V", 8), pack("v", scalar @e),
    (map { pack("vvVV", $_->[0], $_->[1], 1, $_->[2]) } @e), pack("V", 0), $strip;' > "$TMP/bomb.tif"
# GIF: a 60000×60000 screen and first frame, a few bytes of LZW.
printf 'GIF89a\x60\xea\x60\xea\x80\x00\x00\x00\x00\x00\xff\xff\xff,\x00\x00\x00\x00\x60\xea\x60\xea\x00\x02\x02\x4c\x01\x00;' > "$TMP/bomb.gif"
# BMP: 60000×60000, 24-bit, with no pixel data behind the header.
perl -e 'print "BM", pack("VvvV", 54, 0, 0, 54), pack("VllvvVVllVV", 40, 60000, 60000, 1, 24, 0, 0, 2835, 2835, 0, 0)' > "$TMP/bomb.bmp"
# AVIF: a 64×40 picture whose 'ispe' box claims 20000×20000 (400 MP; libheif's own cap is 32768²).
convert "$SCENE" -resize 64x40 "$TMP/tiny.jpg"
heif-enc -A -q 30 -o "$TMP/tiny.avif" "$TMP/tiny.jpg" >/dev/null
perl -0777 -ne 'my $i = index($_, "ispe"); die "no ispe" if $i < 0;
  substr($_, $i + 8, 8) = pack("NN", 20000, 20000); print' "$TMP/tiny.avif" > "$TMP/bomb.avif"
# 12-bit JPEG: no tool here writes one (cjpeg and ImageMagick's libjpeg are 8-bit), so this is
# an 8-bit file whose frame header says extended-sequential 12-bit: it must be refused by name.
perl -0777 -ne 'my $i = index($_, "\xFF\xC0"); die "no SOF0" if $i < 0;
  substr($_, $i + 1, 1) = "\xC1"; substr($_, $i + 4, 1) = "\x0C"; print' "$TMP/small.jpg" > "$TMP/jpeg-12bit.jpg"

rm -f "$TMP/flat.jpg" "$TMP/scene.jpg" "$TMP/small.jpg" "$TMP/tiny.jpg" "$TMP/tiny.avif"
mv "$TMP"/* "$OUT"/
touch "$STAMP"
