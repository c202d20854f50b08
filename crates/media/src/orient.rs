//! EXIF orientation and the editor's quarter turns, as one of the eight symmetries of a rectangle:
//! an optional horizontal mirror followed by 0–3 clockwise quarter turns.

/// How stored pixels become the picture as shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Transform {
    /// Mirror left–right first.
    pub flip: bool,
    /// Then turn clockwise this many quarter turns (0–3).
    pub turns: u8,
}

impl Transform {
    /// From the EXIF Orientation tag (1–8); anything else is treated as 1.
    pub fn from_exif(orientation: u16) -> Transform {
        let (turns, flip) = match orientation {
            2 => (0, true),
            3 => (2, false),
            4 => (2, true),
            5 => (3, true),
            6 => (1, false),
            7 => (1, true),
            8 => (3, false),
            _ => (0, false),
        };
        Transform { flip, turns }
    }

    /// This transform, then `quarter_turns` more clockwise.
    pub fn then_turn(self, quarter_turns: u8) -> Transform {
        Transform { flip: self.flip, turns: (self.turns + quarter_turns) % 4 }
    }

    pub fn swaps_axes(self) -> bool {
        self.turns % 2 == 1
    }

    /// Size after the transform.
    pub fn size(self, (w, h): (u32, u32)) -> (u32, u32) {
        if self.swaps_axes() {
            (h, w)
        } else {
            (w, h)
        }
    }

    /// Maps a point given as fractions of the shown picture back to fractions of the stored one.
    pub fn unmap_fraction(self, (a, b): (f64, f64)) -> (f64, f64) {
        let (u, v) = match self.turns {
            1 => (b, 1.0 - a),
            2 => (1.0 - a, 1.0 - b),
            3 => (1.0 - b, a),
            _ => (a, b),
        };
        if self.flip {
            (1.0 - u, v)
        } else {
            (u, v)
        }
    }

    /// Applies the transform to packed pixels of `channels` bytes each.
    pub fn apply(self, pixels: Vec<u8>, (w, h): (u32, u32), channels: usize) -> Vec<u8> {
        if self == Transform::default() {
            return pixels;
        }
        let (w, h) = (w as usize, h as usize);
        let (out_w, _) = self.size((w as u32, h as u32));
        let out_w = out_w as usize;
        let mut out = vec![0u8; pixels.len()];
        for y in 0..h {
            let row = &pixels[y * w * channels..(y + 1) * w * channels];
            for x in 0..w {
                let fx = if self.flip { w - 1 - x } else { x };
                let (dx, dy) = match self.turns {
                    1 => (h - 1 - y, fx),
                    2 => (w - 1 - fx, h - 1 - y),
                    3 => (y, w - 1 - fx),
                    _ => (fx, y),
                };
                let d = (dy * out_w + dx) * channels;
                out[d..d + channels].copy_from_slice(&row[x * channels..(x + 1) * channels]);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 3×2 picture with distinct pixels, one byte each.
    fn grid() -> Vec<u8> {
        vec![1, 2, 3, 4, 5, 6]
    }

    #[test]
    fn exif_orientations_match_the_standard() {
        // Stored:  1 2 3 / 4 5 6. Expected as shown, per the EXIF 2.32 orientation table.
        let cases: [(u16, (u32, u32), [u8; 6]); 8] = [
            (1, (3, 2), [1, 2, 3, 4, 5, 6]),
            (2, (3, 2), [3, 2, 1, 6, 5, 4]),
            (3, (3, 2), [6, 5, 4, 3, 2, 1]),
            (4, (3, 2), [4, 5, 6, 1, 2, 3]),
            (5, (2, 3), [1, 4, 2, 5, 3, 6]),
            (6, (2, 3), [4, 1, 5, 2, 6, 3]),
            (7, (2, 3), [6, 3, 5, 2, 4, 1]),
            (8, (2, 3), [3, 6, 2, 5, 1, 4]),
        ];
        for (orientation, size, shown) in cases {
            let t = Transform::from_exif(orientation);
            assert_eq!(t.size((3, 2)), size, "orientation {orientation}");
            assert_eq!(t.apply(grid(), (3, 2), 1), shown, "orientation {orientation}");
        }
    }

    #[test]
    fn unmap_fraction_inverts_apply() {
        for orientation in 1..=8 {
            let t = Transform::from_exif(orientation);
            let shown = t.apply(grid(), (3, 2), 1);
            let (sw, _) = t.size((3, 2));
            for (i, &value) in shown.iter().enumerate() {
                let (x, y) = (i as u32 % sw, i as u32 / sw);
                let (sw_f, sh_f) = (sw as f64, (6 / sw) as f64);
                let (u, v) = t.unmap_fraction(((x as f64 + 0.5) / sw_f, (y as f64 + 0.5) / sh_f));
                let (sx, sy) = ((u * 3.0) as usize, (v * 2.0) as usize);
                assert_eq!(grid()[sy * 3 + sx], value, "orientation {orientation} pixel {i}");
            }
        }
    }

    #[test]
    fn quarter_turns_compose() {
        assert_eq!(Transform::from_exif(6).then_turn(3), Transform::from_exif(1));
        assert_eq!(Transform::from_exif(1).then_turn(1), Transform::from_exif(6));
        assert_eq!(Transform::from_exif(2).then_turn(2), Transform::from_exif(4));
    }
}
