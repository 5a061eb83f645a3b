//! Files the demo's customers send, drawn by code so that nothing has to be licensed or shipped:
//! a photo-like PNG of a parcel label and a one-page PDF receipt.

use image::{Rgb, RgbImage};

/// A 640×400 PNG: a parcel on a table with a shipping label and its barcode.
pub fn parcel_label_png() -> Vec<u8> {
    let (w, h) = (640u32, 400u32);
    let mut img = RgbImage::from_fn(w, h, |x, y| {
        // A warm table top, lighter towards the top, with a faint grain.
        let grain = ((x * 7 + y * 3) % 23) as u8 / 4;
        let shade = 200 - (y * 60 / h) as u8 - grain;
        Rgb([
            shade,
            (f32::from(shade) * 0.82) as u8,
            (f32::from(shade) * 0.62) as u8,
        ])
    });
    let mut fill = |x0: u32, y0: u32, x1: u32, y1: u32, c: [u8; 3]| {
        for y in y0..y1.min(h) {
            for x in x0..x1.min(w) {
                img.put_pixel(x, y, Rgb(c));
            }
        }
    };
    fill(90, 50, 550, 360, [176, 132, 82]); // the box
    fill(90, 190, 550, 214, [150, 110, 66]); // packing tape
    fill(300, 50, 330, 360, [150, 110, 66]);
    fill(140, 80, 420, 300, [250, 250, 246]); // the label
    fill(160, 100, 330, 112, [40, 40, 40]); // text lines
    fill(160, 122, 380, 130, [90, 90, 90]);
    fill(160, 138, 300, 146, [90, 90, 90]);
    fill(160, 154, 350, 162, [90, 90, 90]);
    // A barcode: bars of varying width from a fixed pattern.
    let mut x = 160;
    for (i, width) in [
        3u32, 1, 2, 1, 4, 2, 1, 3, 1, 1, 2, 4, 1, 2, 3, 1, 2, 1, 4, 1, 3, 2, 1, 2,
    ]
    .iter()
    .cycle()
    .take(46)
    .enumerate()
    {
        if i % 2 == 0 {
            fill(x, 200, x + width, 270, [20, 20, 20]);
        }
        x += width + 1;
    }
    fill(340, 200, 400, 260, [20, 20, 20]); // a QR-like square
    fill(348, 208, 392, 252, [250, 250, 246]);
    fill(358, 218, 382, 242, [20, 20, 20]);
    let mut out = std::io::Cursor::new(Vec::new());
    match image::DynamicImage::ImageRgb8(img).write_to(&mut out, image::ImageFormat::Png) {
        Ok(()) => out.into_inner(),
        Err(_) => Vec::new(),
    }
}

/// A one-page PDF receipt whose text lines are `lines`, with a correct cross-reference table.
pub fn receipt_pdf(lines: &[&str]) -> Vec<u8> {
    let mut text = String::from("BT /F1 14 Tf 72 760 Td 18 TL\n");
    for line in lines {
        // Only printable ASCII goes into the content stream; parentheses and backslashes escaped.
        let safe: String = line
            .chars()
            .filter(|c| c.is_ascii_graphic() || *c == ' ')
            .flat_map(|c| match c {
                '(' | ')' | '\\' => vec!['\\', c],
                other => vec![other],
            })
            .collect();
        text.push_str(&format!("({safe}) Tj T*\n"));
    }
    text.push_str("ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_owned(),
        format!("<< /Length {} >>\nstream\n{text}\nendstream", text.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_label_is_a_png_of_its_size() {
        let png = parcel_label_png();
        let img = image::load_from_memory(&png).unwrap();
        assert_eq!((img.width(), img.height()), (640, 400));
        assert_eq!(
            crate::inbox::attachments::sniff(&png).map(|s| s.mime),
            Some("image/png")
        );
    }

    #[test]
    fn the_receipt_is_a_pdf_whose_xref_points_at_its_objects() {
        let pdf = receipt_pdf(&["Receipt #1042", "Total (EUR) 59,90"]);
        assert!(pdf.starts_with(b"%PDF-1.4"));
        assert_eq!(
            crate::inbox::attachments::sniff(&pdf).map(|s| s.mime),
            Some("application/pdf")
        );
        let text = String::from_utf8(pdf.clone()).unwrap();
        let xref: usize = text
            .rsplit("startxref\n")
            .next()
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert!(text[xref..].starts_with("xref"));
        for (i, line) in text[xref..].lines().skip(3).take(5).enumerate() {
            let offset: usize = line[..10].parse().unwrap();
            assert!(
                text[offset..].starts_with(&format!("{} 0 obj", i + 1)),
                "object {}",
                i + 1
            );
        }
        assert!(text.contains("(Total \\(EUR\\) 59,90) Tj"));
    }
}
