//! Turning an uploaded picture into an avatar (docs/security.md 18–19): the format comes from the magic
//! bytes (JPEG, PNG, WebP; nothing else, no SVG), the dimensions from the header before anything
//! is decoded (at most 10,000 px a side and 50 megapixels, so a pixel flood is refused without
//! allocating for it), the decoder runs under allocation limits, the EXIF orientation is honoured,
//! a square is cut (the one the user picked, or the centre) and re-encoded as 640×640 and 96×96
//! JPEGs. Re-encoding keeps nothing of the original file but its pixels: no EXIF (GPS), no
//! comments, no polyglot payload.
//!
//! Decoding is CPU-bound: callers run `process` on a blocking thread, one at a time
//! (`AvatarWorker`), which also bounds memory: a 12-megapixel photo is decoded once (36 MB of
//! pixels), the square is cut from it without copying, and the downscale works row by row.

use std::io::Cursor;

use image::codecs::jpeg::{JpegDecoder, JpegEncoder};
use image::codecs::png::PngDecoder;
use image::codecs::webp::WebPDecoder;
use image::metadata::Orientation;
use image::{DynamicImage, GenericImageView, ImageDecoder, ImageError, Limits, RgbImage, imageops};

/// The stored avatar's side.
pub const SIDE: u32 = 640;
/// The small version for lists.
pub const THUMB_SIDE: u32 = 96;
/// Largest accepted side, from the header.
pub const MAX_SIDE: u32 = 10_000;
/// Largest accepted area.
pub const MAX_PIXELS: u64 = 50_000_000;
/// What the decoder may allocate at most (50 MP of RGBA, with room for its own buffers).
const MAX_ALLOC: u64 = 256 * 1024 * 1024;
const JPEG_QUALITY: u8 = 86;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jpeg,
    Png,
    WebP,
}

impl Format {
    /// By the first bytes of the file only.
    pub fn sniff(bytes: &[u8]) -> Option<Self> {
        if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(Format::Jpeg)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(Format::Png)
        } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
            Some(Format::WebP)
        } else {
            None
        }
    }
}

/// The square to keep, in pixels of the picture as it is displayed (after EXIF orientation), as
/// the crop preview in the browser shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Crop {
    pub x: u32,
    pub y: u32,
    pub size: u32,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PictureError {
    /// Not a JPEG, PNG or WebP by its bytes.
    #[error("not a JPEG, PNG or WebP file")]
    Unsupported,
    /// Too large in pixels, or not decodable.
    #[error("invalid image: {0}")]
    Invalid(String),
    /// The crop square does not lie inside the picture.
    #[error("crop outside the picture")]
    CropOutside,
}

/// The avatar in its two sizes, JPEG-encoded.
#[derive(Debug)]
pub struct Avatar {
    pub full: Vec<u8>,
    pub thumb: Vec<u8>,
}

fn invalid(e: ImageError) -> PictureError {
    PictureError::Invalid(e.to_string())
}

fn limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    limits
}

/// Checks the header, then decodes under limits. Returns the pixels as stored and the
/// orientation to display them with.
fn decode(bytes: &[u8]) -> Result<(DynamicImage, Orientation), PictureError> {
    fn run(mut decoder: impl ImageDecoder) -> Result<(DynamicImage, Orientation), PictureError> {
        let (w, h) = decoder.dimensions();
        if w == 0
            || h == 0
            || w > MAX_SIDE
            || h > MAX_SIDE
            || u64::from(w) * u64::from(h) > MAX_PIXELS
        {
            return Err(PictureError::Invalid(format!(
                "{w}×{h} pixels is too large"
            )));
        }
        decoder.set_limits(limits()).map_err(invalid)?;
        // A broken orientation tag is ignored rather than refusing the picture.
        let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
        let image = DynamicImage::from_decoder(decoder).map_err(invalid)?;
        Ok((image, orientation))
    }
    let cursor = Cursor::new(bytes);
    match Format::sniff(bytes).ok_or(PictureError::Unsupported)? {
        Format::Jpeg => run(JpegDecoder::new(cursor).map_err(invalid)?),
        Format::Png => run(PngDecoder::with_limits(cursor, limits()).map_err(invalid)?),
        Format::WebP => run(WebPDecoder::new(cursor).map_err(invalid)?),
    }
}

/// Size as displayed.
fn displayed(w: u32, h: u32, o: Orientation) -> (u32, u32) {
    match o {
        Orientation::Rotate90
        | Orientation::Rotate270
        | Orientation::Rotate90FlipH
        | Orientation::Rotate270FlipH => (h, w),
        _ => (w, h),
    }
}

/// Where a point of the displayed picture lies in the stored pixels (edges, not pixel centres),
/// the inverse of what `DynamicImage::apply_orientation` does.
fn to_stored(px: u32, py: u32, w: u32, h: u32, o: Orientation) -> (u32, u32) {
    match o {
        Orientation::NoTransforms => (px, py),
        Orientation::Rotate90 => (py, h - px),
        Orientation::Rotate180 => (w - px, h - py),
        Orientation::Rotate270 => (w - py, px),
        Orientation::FlipHorizontal => (w - px, py),
        Orientation::FlipVertical => (px, h - py),
        Orientation::Rotate90FlipH => (py, px),
        Orientation::Rotate270FlipH => (w - py, h - px),
    }
}

/// Downscales (or upscales) the square of an image buffer at (x, y) to `side`×`side`, without
/// copying the square out first.
macro_rules! square {
    ($buffer:expr, $x:expr, $y:expr, $size:expr, $side:expr) => {
        DynamicImage::from(imageops::thumbnail(
            &*imageops::crop_imm($buffer, $x, $y, $size, $size),
            $side,
            $side,
        ))
    };
}

/// Flattens any transparency onto white: JPEG has no alpha, and a transparent logo should not
/// turn black.
fn flatten(image: DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.into_rgb8();
    }
    let rgba = image.into_rgba8();
    let (w, h) = rgba.dimensions();
    RgbImage::from_fn(w, h, |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let a = u16::from(a);
        let over = |c: u8| ((u16::from(c) * a + 255 * (255 - a) + 127) / 255) as u8;
        image::Rgb([over(r), over(g), over(b)])
    })
}

fn encode(image: &RgbImage) -> Result<Vec<u8>, PictureError> {
    let mut out = Vec::with_capacity(96 * 1024);
    JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)
        .encode_image(image)
        .map_err(invalid)?;
    Ok(out)
}

/// The whole pipeline. Blocking and CPU-heavy: run it off the async workers.
pub fn process(bytes: &[u8], crop: Option<Crop>) -> Result<Avatar, PictureError> {
    let (image, orientation) = decode(bytes)?;
    let (w, h) = image.dimensions();
    let (dw, dh) = displayed(w, h, orientation);
    let crop = match crop {
        Some(c) => {
            let fits = c.size > 0
                && u64::from(c.x) + u64::from(c.size) <= u64::from(dw)
                && u64::from(c.y) + u64::from(c.size) <= u64::from(dh);
            if !fits {
                return Err(PictureError::CropOutside);
            }
            c
        }
        None => {
            let size = dw.min(dh);
            Crop {
                x: (dw - size) / 2,
                y: (dh - size) / 2,
                size,
            }
        }
    };
    let (ax, ay) = to_stored(crop.x, crop.y, w, h, orientation);
    let (bx, by) = to_stored(crop.x + crop.size, crop.y + crop.size, w, h, orientation);
    let (sx, sy) = (ax.min(bx), ay.min(by));
    let size = crop.size;
    let mut full = match &image {
        DynamicImage::ImageRgb8(buf) => square!(buf, sx, sy, size, SIDE),
        DynamicImage::ImageRgba8(buf) => square!(buf, sx, sy, size, SIDE),
        DynamicImage::ImageLuma8(buf) => square!(buf, sx, sy, size, SIDE),
        DynamicImage::ImageLumaA8(buf) => square!(buf, sx, sy, size, SIDE),
        // 16-bit and float pictures are rare for avatars: convert, then cut.
        other if other.color().has_alpha() => square!(&other.to_rgba8(), sx, sy, size, SIDE),
        other => square!(&other.to_rgb8(), sx, sy, size, SIDE),
    };
    drop(image);
    full.apply_orientation(orientation);
    let full = flatten(full);
    let thumb = imageops::thumbnail(&full, THUMB_SIDE, THUMB_SIDE);
    Ok(Avatar {
        full: encode(&full)?,
        thumb: encode(&thumb)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A picture whose left half is red and right half blue, `w`×`h`.
    fn halves(w: u32, h: u32) -> RgbImage {
        RgbImage::from_fn(w, h, |x, _| {
            if x < w / 2 {
                image::Rgb([220, 20, 20])
            } else {
                image::Rgb([20, 20, 220])
            }
        })
    }

    fn png(image: &RgbImage) -> Vec<u8> {
        let mut out = Vec::new();
        image
            .write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png)
            .unwrap();
        out
    }

    fn decoded(jpeg: &[u8]) -> RgbImage {
        image::load_from_memory(jpeg).unwrap().into_rgb8()
    }

    fn is_red(p: &image::Rgb<u8>) -> bool {
        p.0[0] > 150 && p.0[2] < 100
    }

    #[test]
    fn sniffs_by_bytes() {
        assert_eq!(Format::sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Some(Format::Jpeg));
        assert_eq!(Format::sniff(b"RIFF\0\0\0\0WEBPVP8 "), Some(Format::WebP));
        assert_eq!(Format::sniff(b"<html><body>"), None);
        assert_eq!(Format::sniff(b"GIF89a"), None);
        assert_eq!(Format::sniff(b"<svg xmlns="), None);
    }

    #[test]
    fn any_square_becomes_exactly_640_and_96() {
        for (w, h) in [(300, 200), (50, 900), (641, 641), (1, 1)] {
            let avatar = process(&png(&halves(w, h)), None).unwrap();
            assert_eq!(decoded(&avatar.full).dimensions(), (SIDE, SIDE), "{w}×{h}");
            assert_eq!(
                decoded(&avatar.thumb).dimensions(),
                (THUMB_SIDE, THUMB_SIDE)
            );
        }
    }

    #[test]
    fn the_chosen_square_is_kept() {
        // The left 100×100 of a 300×100 picture is all red.
        let avatar = process(
            &png(&halves(300, 100)),
            Some(Crop {
                x: 0,
                y: 0,
                size: 100,
            }),
        )
        .unwrap();
        let out = decoded(&avatar.full);
        assert!(
            is_red(out.get_pixel(600, 320)),
            "{:?}",
            out.get_pixel(600, 320)
        );
        assert_eq!(
            process(
                &png(&halves(300, 100)),
                Some(Crop {
                    x: 250,
                    y: 0,
                    size: 100
                })
            )
            .unwrap_err(),
            PictureError::CropOutside
        );
    }

    #[test]
    fn every_orientation_maps_the_crop_back_onto_the_stored_pixels() {
        // For each orientation, cutting in displayed coordinates then orienting must equal
        // orienting the whole picture then cutting.
        let source = DynamicImage::ImageRgb8(RgbImage::from_fn(40, 30, |x, y| {
            image::Rgb([(x * 6) as u8, (y * 8) as u8, 7])
        }));
        for exif in 1..=8 {
            let o = Orientation::from_exif(exif).unwrap();
            let mut oriented = source.clone();
            oriented.apply_orientation(o);
            let (dw, dh) = displayed(40, 30, o);
            assert_eq!(oriented.dimensions(), (dw, dh));
            let (x, y, s) = (3, 5, 20);
            let expected = oriented.crop_imm(x, y, s, s).into_rgb8();
            let (ax, ay) = to_stored(x, y, 40, 30, o);
            let (bx, by) = to_stored(x + s, y + s, 40, 30, o);
            let mut cut = source.crop_imm(ax.min(bx), ay.min(by), s, s);
            cut.apply_orientation(o);
            assert_eq!(cut.into_rgb8(), expected, "orientation {exif}");
        }
    }

    #[test]
    fn transparency_lands_on_white() {
        let clear = image::RgbaImage::from_pixel(10, 10, image::Rgba([0, 0, 0, 0]));
        let mut out = Vec::new();
        clear
            .write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png)
            .unwrap();
        let avatar = process(&out, None).unwrap();
        let p = decoded(&avatar.full).get_pixel(320, 320).0;
        assert!(p.iter().all(|c| *c > 240), "{p:?}");
    }

    #[test]
    fn garbage_after_a_valid_signature_is_invalid_not_a_panic() {
        let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
        bytes.extend_from_slice(&[0xAB; 64]);
        assert!(matches!(
            process(&bytes, None),
            Err(PictureError::Invalid(_))
        ));
        assert!(matches!(
            process(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0], None),
            Err(PictureError::Invalid(_))
        ));
    }
}
