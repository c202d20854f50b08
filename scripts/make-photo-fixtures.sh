#!/usr/bin/env bash
# Camera-like photo fixtures for banthao-media's tests and `make bench`, made from real
# photographs in Debian's mate-backgrounds (one is a Sony RX100 IV JPEG with its maker notes).
#
#   scripts/make-photo-fixtures.sh OUT_DIR
#
# Needs: mate-backgrounds, imagemagick, libimage-exiftool-perl, libheif-examples (scripts/install-deps.sh).
# Idempotent: a stamp file makes a second run free. The big files (24 MP) live under target/,
# never in git; the tiny bad files are also committed in crates/media/fixtures/.
set -euo pipefail

OUT=${1:?usage: make-photo-fixtures.sh OUT_DIR}
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
STAMP="$OUT/.fixtures-v1"
[ -f "$STAMP" ] && exit 0

CAMERA=/usr/share/backgrounds/mate/abstract/Elephants_5640x3172.jpg
SCENE=/usr/share/backgrounds/mate/nature/Garden.jpg
P3_ICC="$ROOT/crates/media/fixtures/DisplayP3.icc"
ADOBE_ICC=/usr/share/color/icc/colord/AdobeRGB1998.icc
for f in "$CAMERA" "$SCENE" "$ADOBE_ICC"; do
  [ -f "$f" ] || { echo "missing $f (apt-get install mate-backgrounds colord-data)" >&2; exit 2; }
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

rm -f "$TMP/flat.jpg" "$TMP/scene.jpg" "$TMP/small.jpg"
mv "$TMP"/* "$OUT"/
touch "$STAMP"
