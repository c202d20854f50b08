//! How an uploaded file shows its photo: the crop and quarter turns of the figure. One media
//! item per (photo, pixels) per site; a caption change updates the item, not the file.

use banthao_core::media::CropRect;

/// `r0` for the photo as it is; `r1-c0.100000,0.000000,0.800000,1.000000` for a quarter turn
/// and a crop. Stable text: it keys the site's media items in the library.
pub fn pixels_key(crop: Option<CropRect>, rotation: u8) -> String {
    match crop {
        None => format!("r{}", rotation % 4),
        Some(c) => format!("r{}-c{:.6},{:.6},{:.6},{:.6}", rotation % 4, c.x, c.y, c.width, c.height),
    }
}

pub fn parse_pixels_key(key: &str) -> (Option<CropRect>, u8) {
    let (rot, crop) = key.split_once("-c").map_or((key, None), |(r, c)| (r, Some(c)));
    let rotation = rot.strip_prefix('r').and_then(|r| r.parse::<u8>().ok()).unwrap_or(0) % 4;
    let crop = crop.and_then(|c| {
        let v: Vec<f64> = c.split(',').filter_map(|n| n.parse().ok()).collect();
        (v.len() == 4).then(|| CropRect { x: v[0], y: v[1], width: v[2], height: v[3] })
    });
    (crop, rotation)
}

/// What a media item's description carries so that an upload whose answer was lost can be
/// found again: unique per photo and pixels, one word for WordPress's search.
pub fn media_marker(hash: &str, pixels: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in pixels.bytes() {
        h = (h ^ b as u64).wrapping_mul(0x100_0000_01b3);
    }
    format!("banthaomedia{}x{:08x}", &hash[..hash.len().min(32)], h as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        let crop = CropRect { x: 0.1, y: 0.0, width: 0.8, height: 0.45 };
        for (c, r) in [(None, 0), (None, 3), (Some(crop), 1)] {
            let key = pixels_key(c, r);
            assert_eq!(parse_pixels_key(&key), (c, r), "{key}");
        }
        assert_ne!(media_marker("ab12", "r0"), media_marker("ab12", "r1"));
        assert!(!media_marker("ab12", "r0").contains(' '));
    }
}
