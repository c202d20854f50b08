#!/usr/bin/env bash
# Regenerates the app icons (committed) with ImageMagick: a paper sheet with "BT".
set -euo pipefail
cd "$(dirname "$0")"
convert -size 512x512 xc:none -fill '#b3261e' -draw 'roundrectangle 32,32 480,480 72,72' \
  -fill '#fffaf0' -draw 'roundrectangle 110,90 402,422 24,24' \
  -fill '#b3261e' -font DejaVu-Sans-Bold -pointsize 150 -gravity center -annotate +0+10 'BT' \
  PNG32:icon.png
for s in 32 128 256; do convert icon.png -resize ${s}x${s} PNG32:${s}x${s}.png; done
mv 256x256.png 128x128@2x.png
