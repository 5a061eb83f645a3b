//! Profile benchmarks (issue 4), run with `cargo bench -p agentdesk --bench profile`:
//!
//! 1. Avatar processing: a photo-like 4000×3000 JPEG of 4.5–5 MiB (made here: smooth gradients
//!    and soft shapes with per-pixel grain from a fixed PRNG, so every run gets the same file) is
//!    turned into the 640×640 and 96×96 avatars by `profile::picture::process`, `AVATAR_RUNS`
//!    times after 3 warm-ups: median, p90, min, max. Then the same work in phases with the same
//!    `image` calls (decode, crop + downscale, encode), the bytes the pipeline adds at its peak
//!    (a counting global allocator, reset right before one call) and the process RSS high-water
//!    mark (VmHWM) around it. Finally the real upload: the app runs in-process (SQLite, demo), an
//!    agent signs in and PUTs the file as multipart to `/api/v1/me/avatar` `AVATAR_RUNS / 3`
//!    times after one warm-up; median request time.
//! 2. Profile page weight: the signed-in agent loads `/preferences/profile`; every stylesheet,
//!    script and ES module it imports (followed recursively, each distinct URL once, as a browser
//!    fetches them) is fetched with `Accept-Encoding: br` and then `gzip`, and the bodies are
//!    counted as they arrive (the client has no decompression), so the sizes are the bytes on the
//!    wire less HTTP framing and headers. Icons, images and fonts are listed but not counted.
//!
//! Everything runs on 127.0.0.1 and stops by itself. Knobs: env AVATAR_RUNS (30).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, HashSet};
use std::io::Cursor;
use std::time::Instant;

use agentdesk::Config;
use agentdesk::profile::picture;
use agentdesk::startup::Application;
use image::codecs::jpeg::{JpegDecoder, JpegEncoder};
use image::{DynamicImage, RgbImage, imageops};
use peakmem_alloc::{INSTRUMENTED_SYSTEM, PeakMemAlloc, PeakMemAllocTrait};
use reqwest::Url;
use reqwest::multipart::{Form, Part};
use serde_json::json;

/// Counts the bytes held (current and the peak since the last reset) around the system allocator.
/// The workspace forbids `unsafe`, so the wrapper comes from a crate rather than being written here.
#[global_allocator]
static ALLOC: &PeakMemAlloc<std::alloc::System> = &INSTRUMENTED_SYSTEM;

const WIDTH: u32 = 4000;
const HEIGHT: u32 = 3000;
/// The upload limit (`profile::avatar::MAX_BYTES`).
const MAX_BYTES: usize = 5 * 1024 * 1024;
const MIN_BYTES: usize = MAX_BYTES * 9 / 10;
/// A quality and grain that land in the window with `image` 0.25; searched again if not.
const QUALITY: u8 = 90;
const GRAIN: f32 = 14.0;
/// `picture::JPEG_QUALITY`, for the phase timings.
const AVATAR_QUALITY: u8 = 86;
const PAGE: &str = "/preferences/profile";
const MIB: f64 = 1024.0 * 1024.0;

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

/// SplitMix64: small, fast and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// A landscape-like picture: a sky gradient over a rolling horizon, a few soft discs (out of
/// focus lights), a vignette, and grain of about `grain` levels, mostly luminance as a camera's.
fn photo(grain: f32) -> RgbImage {
    let (w, h) = (WIDTH as f32, HEIGHT as f32);
    let horizon: Vec<f32> = (0..WIDTH)
        .map(|x| {
            let x = x as f32;
            h * 0.58 + 120.0 * (x / 610.0).sin() + 45.0 * (x / 173.0 + 1.3).sin()
        })
        .collect();
    let discs = [
        (900.0, 700.0, 380.0, [70.0, 40.0, -20.0]),
        (2900.0, 500.0, 520.0, [50.0, 50.0, 20.0]),
        (2300.0, 2300.0, 450.0, [-30.0, 40.0, 60.0]),
        (400.0, 2500.0, 300.0, [60.0, -10.0, -30.0]),
    ];
    let mut rng = Rng(0x5EED_0004);
    RgbImage::from_fn(WIDTH, HEIGHT, |x, y| {
        let (fx, fy) = (x as f32, y as f32);
        let mut c = if fy < horizon[x as usize] {
            let t = fy / h;
            [90.0 + 120.0 * t, 140.0 + 80.0 * t, 230.0 - 30.0 * t]
        } else {
            let t = (fy - horizon[x as usize]) / h;
            let ripple = 18.0 * (fx / 37.0 + fy / 53.0).sin() * (fy / 91.0).cos();
            [
                70.0 + 60.0 * t + ripple,
                110.0 - 40.0 * t + ripple,
                50.0 + 20.0 * t,
            ]
        };
        for (cx, cy, r, add) in &discs {
            let d2 = ((fx - cx) * (fx - cx) + (fy - cy) * (fy - cy)) / (r * r);
            if d2 < 4.0 {
                let k = (-d2 * 1.5).exp();
                for i in 0..3 {
                    c[i] += add[i] * k;
                }
            }
        }
        let (dx, dy) = (fx / w - 0.5, fy / h - 0.5);
        let vignette = 1.0 - 0.6 * (dx * dx + dy * dy);
        let bits = rng.next();
        let unit = |shift: u32| ((bits >> shift) & 0xFFFF) as f32 / 65535.0 - 0.5;
        // Two uniforms summed: a triangular distribution, closer to sensor noise than one.
        let luma = (unit(0) + unit(16)) * 2.0 * grain;
        let chroma = grain / 3.0;
        let pixel = [
            c[0] * vignette + luma + unit(32) * chroma,
            c[1] * vignette + luma + unit(48) * chroma,
            c[2] * vignette + luma - unit(32) * chroma,
        ];
        image::Rgb(pixel.map(|v| v.round().clamp(0.0, 255.0) as u8))
    })
}

fn jpeg(image: &RgbImage, quality: u8) -> Vec<u8> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, quality)
        .encode_image(image)
        .unwrap();
    out
}

/// The input file: the default grain first, then a bisection on the grain until the size lies
/// between 90 % and 100 % of the 5 MiB limit.
fn input() -> Vec<u8> {
    let (mut low, mut high, mut grain) = (0.0_f32, 64.0_f32, GRAIN);
    for attempt in 0..12 {
        let bytes = jpeg(&photo(grain), QUALITY);
        if (MIN_BYTES..=MAX_BYTES).contains(&bytes.len()) {
            if attempt > 0 {
                println!("(input: grain {grain:.2} found after {attempt} retries)");
            }
            return bytes;
        }
        if bytes.len() > MAX_BYTES {
            high = grain;
        } else {
            low = grain;
        }
        println!(
            "(input: grain {grain:.2} gave {} bytes, retrying)",
            bytes.len()
        );
        grain = (low + high) / 2.0;
    }
    panic!("no grain gives a JPEG of {MIN_BYTES}–{MAX_BYTES} bytes at quality {QUALITY}");
}

/// A line of /proc/self/status, in kB.
fn status_kb(key: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(key))?;
    line[key.len()..]
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}

fn rss_line(label: &str) {
    println!(
        "  {label}: VmHWM {:.1} MiB, VmRSS {:.1} MiB",
        status_kb("VmHWM:").unwrap_or(0) as f64 / 1024.0,
        status_kb("VmRSS:").unwrap_or(0) as f64 / 1024.0
    );
}

/// Times, in ms, of the pipeline's three parts done with the same calls as `picture::process`
/// (a JPEG in landscape with no EXIF orientation: centre square, no rotation, no alpha).
fn phases(bytes: &[u8]) -> [f64; 3] {
    let t = Instant::now();
    let image = DynamicImage::from_decoder(JpegDecoder::new(Cursor::new(bytes)).unwrap()).unwrap();
    let decode = ms(t);
    let t = Instant::now();
    let rgb = image.as_rgb8().unwrap();
    let (w, h) = rgb.dimensions();
    let side = w.min(h);
    let full = imageops::thumbnail(
        &*imageops::crop_imm(rgb, (w - side) / 2, (h - side) / 2, side, side),
        picture::SIDE,
        picture::SIDE,
    );
    let thumb = imageops::thumbnail(&full, picture::THUMB_SIDE, picture::THUMB_SIDE);
    let resize = ms(t);
    drop(image);
    let t = Instant::now();
    let (a, b) = (jpeg(&full, AVATAR_QUALITY), jpeg(&thumb, AVATAR_QUALITY));
    let encode = ms(t);
    assert!(!a.is_empty() && !b.is_empty());
    [decode, resize, encode]
}

fn avatar_processing(bytes: &[u8], runs: usize) {
    for _ in 0..3 {
        picture::process(bytes, None).unwrap();
    }
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            let avatar = picture::process(bytes, None).unwrap();
            let took = ms(t);
            assert!(!avatar.full.is_empty());
            took
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!(
        "avatar processing ({runs} runs after 3 warm-ups): median {:.1} ms, p90 {:.1} ms, min {:.1} ms, max {:.1} ms",
        percentile(&times, 0.5),
        percentile(&times, 0.9),
        times[0],
        times[times.len() - 1]
    );

    let mut split: [Vec<f64>; 3] = Default::default();
    for _ in 0..runs.div_ceil(3) {
        for (all, one) in split.iter_mut().zip(phases(bytes)) {
            all.push(one);
        }
    }
    let [decode, resize, encode] = split.map(|mut v| {
        v.sort_by(f64::total_cmp);
        percentile(&v, 0.5)
    });
    println!(
        "  phases (median of {}): decode {decode:.1} ms, crop + downscale to 640 and 96 {resize:.1} ms, encode both {encode:.1} ms",
        runs.div_ceil(3)
    );

    // Memory: one call, nothing else running (the async runtime starts later).
    rss_line("before");
    let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
    if reset {
        rss_line("VmHWM reset to VmRSS (clear_refs)");
    }
    ALLOC.reset_peak_memory();
    let avatar = picture::process(bytes, None).unwrap();
    let peak = ALLOC.get_peak_memory();
    println!(
        "  peak memory added by one process call: {:.1} MiB (allocator, bytes held above those before the call)",
        peak as f64 / MIB
    );
    rss_line(if reset {
        "after the call"
    } else {
        "after the call (VmHWM could not be reset: it covers the whole run)"
    });
    println!(
        "  output: {} bytes (640×640), {} bytes (96×96)",
        avatar.full.len(),
        avatar.thumb.len()
    );
}

/// The attributes of every `<link>`, `<script>` and `<img>` tag, lower-cased names.
fn tags(html: &str) -> Vec<(String, BTreeMap<String, String>)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        if rest.starts_with("!--") {
            rest = rest.find("-->").map_or("", |end| &rest[end + 3..]);
            continue;
        }
        let name_end = rest
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .unwrap_or(rest.len());
        let name = rest[..name_end].to_ascii_lowercase();
        if !matches!(name.as_str(), "link" | "script" | "img") {
            continue;
        }
        let mut attrs = BTreeMap::new();
        let mut s = &rest[name_end..];
        loop {
            s = s.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
            if s.is_empty() || s.starts_with('>') {
                break;
            }
            let key_end = s
                .find(|c: char| c.is_whitespace() || c == '=' || c == '>')
                .unwrap_or(s.len());
            let key = s[..key_end].to_ascii_lowercase();
            s = s[key_end..].trim_start();
            let mut value = String::new();
            if let Some(after) = s.strip_prefix('=') {
                let after = after.trim_start();
                let (v, next) = match after.chars().next() {
                    Some(q @ ('"' | '\'')) => {
                        let end = after[1..].find(q).map_or(after.len(), |e| e + 1);
                        (&after[1..end], after.get(end + 1..).unwrap_or(""))
                    }
                    _ => {
                        let end = after
                            .find(|c: char| c.is_whitespace() || c == '>')
                            .unwrap_or(after.len());
                        (&after[..end], &after[end..])
                    }
                };
                value = v.replace("&amp;", "&");
                s = next;
            }
            attrs.insert(key, value);
        }
        out.push((name, attrs));
    }
    out
}

/// The string literal at the start of `s` (after spaces), if any.
fn literal(s: &str) -> Option<&str> {
    let s = s.trim_start();
    let q = s.chars().next().filter(|c| matches!(c, '"' | '\'' | '`'))?;
    let end = s[1..].find(q)?;
    Some(&s[1..=end])
}

/// Module specifiers of an ES module: static `import … from '…'`, `import '…'` and
/// `export … from '…'` (fetched before the module runs), and `import('…')` (fetched when called).
fn js_imports(src: &str) -> (Vec<String>, Vec<String>) {
    let (mut static_, mut dynamic) = (Vec::new(), Vec::new());
    let lines: Vec<&str> = src.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let t = lines[i].trim_start();
        let import = t.starts_with("import") && !t.starts_with("import(") && {
            let next = t[6..].chars().next();
            next.is_none_or(|c| c.is_whitespace() || matches!(c, '{' | '*' | '"' | '\''))
        };
        let export = t.starts_with("export ")
            && (t.contains(" from ") || t.starts_with("export {") || t.starts_with("export *"));
        if import || export {
            let mut statement = String::new();
            let mut j = i;
            while j < lines.len() && j < i + 200 {
                statement.push_str(lines[j]);
                statement.push('\n');
                let line = lines[j].trim_end();
                if line.ends_with(';') || literal_after_from(&statement).is_some() {
                    break;
                }
                j += 1;
            }
            let spec = literal_after_from(&statement)
                .or_else(|| import.then(|| literal(&t[6..])).flatten());
            if let Some(spec) = spec {
                static_.push(spec.to_owned());
            }
            i = j + 1;
            continue;
        }
        i += 1;
    }
    let mut rest = src;
    while let Some(at) = rest.find("import(") {
        if let Some(spec) = literal(&rest[at + 7..]) {
            dynamic.push(spec.to_owned());
        }
        rest = &rest[at + 7..];
    }
    (static_, dynamic)
}

fn literal_after_from(statement: &str) -> Option<&str> {
    let at = statement.rfind("from")?;
    let before = statement[..at].chars().next_back();
    if !before.is_some_and(|c| c.is_whitespace() || c == '}' || c == '*') {
        return None;
    }
    literal(&statement[at + 4..])
}

/// `url(…)` and `@import` references of a stylesheet, except `data:` URLs.
fn css_refs(src: &str) -> (Vec<String>, Vec<String>) {
    let (mut imports, mut urls) = (Vec::new(), Vec::new());
    let mut rest = src;
    while let Some(at) = rest.find("@import") {
        rest = &rest[at + 7..];
        let r = rest.trim_start();
        let r = r.strip_prefix("url(").unwrap_or(r);
        if let Some(spec) = literal(r) {
            imports.push(spec.to_owned());
        }
    }
    let mut rest = src;
    while let Some(at) = rest.find("url(") {
        rest = &rest[at + 4..];
        let r = rest.trim_start();
        let spec = literal(r).map(str::to_owned).or_else(|| {
            r.find(')')
                .map(|end| r[..end].trim().to_owned())
                .filter(|s| !s.is_empty())
        });
        if let Some(spec) = spec
            && !spec.starts_with("data:")
            && !imports.contains(&spec)
        {
            urls.push(spec);
        }
    }
    (imports, urls)
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Html,
    Css,
    Js,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Html => "html",
            Kind::Css => "css",
            Kind::Js => "js",
        }
    }
}

async fn get(client: &reqwest::Client, url: &Url, encoding: &str) -> (String, Vec<u8>) {
    let res = client
        .get(url.clone())
        .header("accept-encoding", encoding)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "GET {url}");
    let used = res
        .headers()
        .get("content-encoding")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("identity")
        .to_owned();
    (used, res.bytes().await.unwrap().to_vec())
}

fn path_of(url: &Url) -> String {
    match url.query() {
        Some(q) => format!("{}?{q}", url.path()),
        None => url.path().to_owned(),
    }
}

async fn page_weight(client: &reqwest::Client, base: &str) {
    // Discover what a browser loads, from the uncompressed files.
    let page = Url::parse(&format!("{base}{PAGE}")).unwrap();
    let mut counted: Vec<(Kind, Url, usize)> = Vec::new();
    let mut listed: Vec<(String, Url)> = Vec::new();
    let mut seen = HashSet::new();
    let (_, html) = get(client, &page, "identity").await;
    counted.push((Kind::Html, page.clone(), html.len()));
    let mut queue: Vec<(Kind, Url)> = Vec::new();
    for (tag, attrs) in tags(&String::from_utf8_lossy(&html)) {
        let attr = |k: &str| attrs.get(k).map(String::as_str);
        let target = match tag.as_str() {
            "script" => attr("src").map(|s| (Some(Kind::Js), s, "script")),
            "link" => {
                let rel = attr("rel").unwrap_or("").to_ascii_lowercase();
                let href = attr("href");
                if rel.split_whitespace().any(|r| r == "stylesheet") {
                    href.map(|h| (Some(Kind::Css), h, "stylesheet"))
                } else if rel.split_whitespace().any(|r| r == "modulepreload") {
                    href.map(|h| (Some(Kind::Js), h, "modulepreload"))
                } else {
                    href.map(|h| (None, h, "link"))
                }
            }
            _ => attr("src").map(|s| (None, s, "img")),
        };
        let Some((kind, href, why)) = target else {
            continue;
        };
        let url = page.join(href).unwrap();
        match kind {
            Some(kind) => queue.push((kind, url)),
            None => listed.push((
                match attr("rel") {
                    Some(rel) => format!("<{why} rel={rel}>"),
                    None => format!("<{why}>"),
                },
                url,
            )),
        }
    }
    while let Some((kind, url)) = queue.pop() {
        if !seen.insert(url.clone()) {
            continue;
        }
        let (_, body) = get(client, &url, "identity").await;
        let text = String::from_utf8_lossy(&body);
        match kind {
            Kind::Js => {
                let (imports, lazy) = js_imports(&text);
                for spec in imports {
                    if spec.starts_with('.') || spec.starts_with('/') || spec.contains("://") {
                        queue.push((Kind::Js, url.join(&spec).unwrap()));
                    } else {
                        println!("  (bare module specifier {spec:?} in {url} not followed)");
                    }
                }
                for spec in lazy {
                    listed.push((
                        format!("import() in {}", url.path()),
                        url.join(&spec).unwrap(),
                    ));
                }
            }
            Kind::Css => {
                let (imports, urls) = css_refs(&text);
                for spec in imports {
                    queue.push((Kind::Css, url.join(&spec).unwrap()));
                }
                for spec in urls {
                    listed.push((format!("url() in {}", url.path()), url.join(&spec).unwrap()));
                }
            }
            Kind::Html => {}
        }
        counted.push((kind, url, body.len()));
    }
    counted[1..].sort_by(|a, b| (a.0, a.1.as_str()).cmp(&(b.0, b.1.as_str())));

    println!("profile page weight: {PAGE} and what it loads, bodies as received");
    let encodings = ["br", "gzip"];
    let mut totals = [0usize; 2];
    let mut raw_total = 0usize;
    println!(
        "  {:<40} {:<5} {:>9} {:>14} {:>14}",
        "path", "type", "identity", "br", "gzip"
    );
    for (kind, url, raw) in &counted {
        let mut cells = Vec::new();
        for (i, encoding) in encodings.iter().enumerate() {
            let (used, body) = get(client, url, encoding).await;
            assert_ne!(
                used, "identity",
                "{url} came back uncompressed for {encoding}"
            );
            assert_ne!(
                body.len(),
                *raw,
                "{url}: the body looks decompressed ({encoding})"
            );
            totals[i] += body.len();
            cells.push(format!("{} ({used})", body.len()));
        }
        raw_total += raw;
        println!(
            "  {:<40} {:<5} {:>9} {:>14} {:>14}",
            path_of(url),
            kind.name(),
            raw,
            cells[0],
            cells[1]
        );
    }
    println!(
        "  {:<40} {:<5} {:>9} {:>14} {:>14}",
        format!("total, {} files", counted.len()),
        "",
        raw_total,
        totals[0],
        totals[1]
    );
    for (i, encoding) in encodings.iter().enumerate() {
        println!(
            "  total HTML+CSS+JS with {encoding}: {} bytes = {:.1} KB (goal ≤ 60 KB = 61,440 bytes)",
            totals[i],
            totals[i] as f64 / 1024.0
        );
    }
    if listed.is_empty() {
        println!("  not counted: nothing else referenced");
    }
    // One line per URL (a browser fetches it once), with every way it is referenced.
    let mut by_url: BTreeMap<String, (Url, Vec<String>)> = BTreeMap::new();
    for (how, url) in listed {
        let entry = by_url
            .entry(url.to_string())
            .or_insert_with(|| (url, Vec::new()));
        if !entry.1.contains(&how) {
            entry.1.push(how);
        }
    }
    for (url, how) in by_url.values() {
        let how = how.join(", ");
        let (used, body) = get(client, url, "br").await;
        println!(
            "  not counted: {} ({how}), {} bytes with br ({used})",
            path_of(url),
            body.len()
        );
    }
}

async fn http(bytes: Vec<u8>, runs: usize) {
    let dir = tempfile::tempdir().unwrap();
    let config = Config {
        listen: "127.0.0.1:0".into(),
        data_dir: dir.path().join("app"),
        demo: true,
        ..Config::default()
    };
    let app = Application::build(config).await.unwrap();
    let base = format!("http://{}", app.local_addr());
    tokio::spawn(app.run_until_stopped(std::future::pending()));
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let res = client
        .post(format!("{base}/api/v1/auth/login"))
        .json(&json!({"email": "agent1@demo.test", "password": "demo-password-1"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "login");

    let mut times = Vec::new();
    for i in 0..=runs {
        let form = Form::new().part(
            "file",
            Part::bytes(bytes.clone())
                .file_name("photo.jpg")
                .mime_str("image/jpeg")
                .unwrap(),
        );
        let t = Instant::now();
        let res = client
            .put(format!("{base}/api/v1/me/avatar"))
            .multipart(form)
            .send()
            .await
            .unwrap();
        let status = res.status();
        let body = res.text().await.unwrap();
        let took = ms(t);
        assert_eq!(status, 200, "PUT /api/v1/me/avatar: {body}");
        if i > 0 {
            times.push(took);
        }
    }
    times.sort_by(f64::total_cmp);
    println!(
        "avatar upload over HTTP (PUT /api/v1/me/avatar, {runs} requests after 1 warm-up): median {:.1} ms, min {:.1} ms, max {:.1} ms",
        percentile(&times, 0.5),
        times[0],
        times[times.len() - 1]
    );

    page_weight(&client, &base).await;
}

fn main() {
    let runs = env("AVATAR_RUNS", 30).max(1) as usize;
    rss_line("at start");
    let t = Instant::now();
    let bytes = input();
    println!(
        "input: {WIDTH}×{HEIGHT} JPEG at quality {QUALITY}, {} bytes = {:.2} MiB (limit {MAX_BYTES}), made in {:.1} s",
        bytes.len(),
        bytes.len() as f64 / MIB,
        t.elapsed().as_secs_f64()
    );
    rss_line("after making the input");
    avatar_processing(&bytes, runs);
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(http(bytes, (runs / 3).max(1)));
}
