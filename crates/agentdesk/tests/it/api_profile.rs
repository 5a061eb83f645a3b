//! Issue 4 on the API: avatars (limits and abuse cases of docs/security.md 18–19, orientation, metadata
//! stripping, exact output size, serving, deleting) and changing the password (docs/security.md 8, 10).

use image::GenericImageView;
use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};

use crate::on_both_backends;
use crate::support::*;

const FIVE_MB: usize = 5 * 1024 * 1024;

/// A JPEG carrying an EXIF block with orientation 6 (rotate 90° clockwise to display) and a GPS
/// position, as a phone writes it. The TIFF structure is written by hand, big-endian.
fn jpeg_with_gps_and_orientation(img: &image::RgbImage) -> Vec<u8> {
    let mut tiff: Vec<u8> = b"MM\x00\x2a\x00\x00\x00\x08".to_vec();
    let gps_ifd: u32 = 8 + 2 + 2 * 12 + 4;
    tiff.extend_from_slice(&2u16.to_be_bytes());
    // Orientation, SHORT, 1 value: 6.
    tiff.extend_from_slice(&[0x01, 0x12, 0x00, 0x03, 0, 0, 0, 1, 0x00, 0x06, 0, 0]);
    // GPSInfo IFD pointer, LONG.
    tiff.extend_from_slice(&[0x88, 0x25, 0x00, 0x04, 0, 0, 0, 1]);
    tiff.extend_from_slice(&gps_ifd.to_be_bytes());
    tiff.extend_from_slice(&0u32.to_be_bytes());
    // GPS IFD: latitude reference "N" and a latitude of 48/1 2/1 GPSMARK… (rational values).
    let lat_values: u32 = gps_ifd + 2 + 2 * 12 + 4;
    tiff.extend_from_slice(&2u16.to_be_bytes());
    tiff.extend_from_slice(&[0x00, 0x01, 0x00, 0x02, 0, 0, 0, 2, b'N', 0, 0, 0]);
    tiff.extend_from_slice(&[0x00, 0x02, 0x00, 0x05, 0, 0, 0, 3]);
    tiff.extend_from_slice(&lat_values.to_be_bytes());
    tiff.extend_from_slice(&0u32.to_be_bytes());
    for (num, den) in [(48u32, 1u32), (51, 1), (2_417, 100)] {
        tiff.extend_from_slice(&num.to_be_bytes());
        tiff.extend_from_slice(&den.to_be_bytes());
    }
    let plain = jpeg_of(img);
    let mut app1 = vec![0xFF, 0xE1];
    app1.extend_from_slice(&((2 + 6 + tiff.len()) as u16).to_be_bytes());
    app1.extend_from_slice(b"Exif\0\0");
    app1.extend_from_slice(&tiff);
    let mut out = plain[..2].to_vec();
    out.extend_from_slice(&app1);
    out.extend_from_slice(&plain[2..]);
    out
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for b in bytes {
        crc ^= u32::from(*b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A valid PNG header claiming `w`×`h` pixels, followed by a tiny (wrong) image body: a decoder
/// that trusts the header would try to allocate w×h×3 bytes.
fn png_claiming(w: u32, h: u32) -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    out.extend_from_slice(&13u32.to_be_bytes());
    out.extend_from_slice(&ihdr);
    out.extend_from_slice(&crc32(&ihdr).to_be_bytes());
    let idat = b"IDAT\x78\x9c\x03\x00\x00\x00\x00\x01";
    out.extend_from_slice(&((idat.len() - 4) as u32).to_be_bytes());
    out.extend_from_slice(idat);
    out.extend_from_slice(&crc32(idat).to_be_bytes());
    out
}

pub async fn upload(
    app: &TestApp,
    client: &reqwest::Client,
    bytes: Vec<u8>,
    name: &str,
    crop: Option<(u32, u32, u32)>,
) -> (StatusCode, Value) {
    let mut form = Form::new().part(
        "file",
        Part::bytes(bytes)
            .file_name(name.to_owned())
            .mime_str("image/png")
            .unwrap(),
    );
    if let Some((x, y, s)) = crop {
        form = form
            .text("crop_x", x.to_string())
            .text("crop_y", y.to_string())
            .text("crop_size", s.to_string());
    }
    json(
        client
            .put(app.url("/api/v1/me/avatar"))
            .multipart(form)
            .send()
            .await
            .unwrap(),
    )
    .await
}

async fn fetch_image(
    app: &TestApp,
    client: &reqwest::Client,
    url: &str,
) -> (reqwest::header::HeaderMap, Vec<u8>) {
    let res = client.get(app.url(url)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "{url}");
    let headers = res.headers().clone();
    (headers, res.bytes().await.unwrap().to_vec())
}

fn is_red(p: &image::Rgb<u8>) -> bool {
    p.0[0] > 150 && p.0[2] < 100
}

fn is_blue(p: &image::Rgb<u8>) -> bool {
    p.0[2] > 150 && p.0[0] < 100
}

async fn avatar_lifecycle(backend: Backend) {
    let app = spawn_app(backend).await;
    let agent = app.agent(1).await;
    let colleague = app.agent(2).await;

    let (status, me) = json(agent.get(app.url("/api/v1/me")).send().await.unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(me["avatar_url"], Value::Null);

    // The left square of a wide picture, as the crop preview would send it.
    let (status, me) = upload(
        &app,
        &agent,
        png_of(&halves(300, 200)),
        "me.png",
        Some((0, 0, 150)),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{me}");
    let url = me["avatar_url"].as_str().unwrap().to_owned();
    let thumb = me["avatar_thumb_url"].as_str().unwrap().to_owned();
    assert!(
        url.ends_with(".jpg") && url.len() > 64,
        "content-hashed: {url}"
    );

    let (headers, bytes) = fetch_image(&app, &agent, &url).await;
    assert_eq!(headers["content-type"], "image/jpeg");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    let cache = headers["cache-control"].to_str().unwrap();
    assert!(
        cache.contains("max-age=31536000")
            && cache.contains("immutable")
            && cache.contains("private"),
        "{cache}"
    );
    let full = image::load_from_memory(&bytes).unwrap().into_rgb8();
    assert_eq!(full.dimensions(), (640, 640));
    assert!(
        is_red(full.get_pixel(320, 320)),
        "the chosen (red) square was kept"
    );
    let (_, small) = fetch_image(&app, &agent, &thumb).await;
    assert_eq!(
        image::load_from_memory(&small).unwrap().dimensions(),
        (96, 96)
    );

    // Colleagues see it (that is what it is for), in the transfer list and the agents list too.
    fetch_image(&app, &colleague, &url).await;
    let (_, list) = json(
        colleague
            .get(app.url("/api/v1/agents"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let id = app.user_id("agent1@demo.test").await;
    let mine = list
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == id)
        .unwrap();
    assert_eq!(mine["avatar_url"], url.as_str(), "{mine}");
    let (_, admin_list) = json(
        app.admin()
            .await
            .get(app.url("/api/v1/admin/agents"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let listed = admin_list
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["email"] == "agent1@demo.test")
        .unwrap();
    assert_eq!(listed["avatar_url"], url.as_str());
    // Signed-out visitors and other companies do not.
    assert_eq!(
        reqwest::get(app.url(&url)).await.unwrap().status(),
        StatusCode::UNAUTHORIZED
    );
    let other = {
        let store = app.state.store();
        let hash = app
            .state
            .passwords()
            .hash("another-long-password")
            .await
            .unwrap();
        store
            .create_user(
                &agentdesk_core::domain::NewUser {
                    company_name: "Other Co".into(),
                    email: agentdesk_core::domain::Email::parse("eve@other.test").unwrap(),
                    first_name: agentdesk_core::domain::PersonName::parse("Eve").unwrap(),
                    last_name: agentdesk_core::domain::PersonName::parse("Other").unwrap(),
                    role: agentdesk_core::domain::Role::Agent,
                    locale: None,
                    password_hash: hash.into(),
                },
                agentdesk_core::Clock::now(app.clock.as_ref()),
            )
            .await
            .unwrap();
        app.signed_in("eve@other.test", "another-long-password")
            .await
    };
    assert_eq!(
        other.get(app.url(&url)).send().await.unwrap().status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        other
            .get(app.url("/api/v1/avatars/../../etc/passwd.jpg"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::NOT_FOUND
    );

    // A new picture gets a new URL; the old picture is gone.
    let (status, me2) = upload(
        &app,
        &agent,
        png_of(&halves(300, 200)),
        "me.png",
        Some((150, 0, 150)),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let url2 = me2["avatar_url"].as_str().unwrap().to_owned();
    assert_ne!(url2, url);
    assert_eq!(
        agent.get(app.url(&url)).send().await.unwrap().status(),
        StatusCode::NOT_FOUND
    );
    let old_key = url
        .trim_start_matches("/api/v1/avatars/")
        .trim_end_matches(".jpg");
    assert!(
        app.state.blobs().get(old_key).await.unwrap().is_none(),
        "old blob removed"
    );

    // Delete.
    let (status, me3) = json(
        agent
            .delete(app.url("/api/v1/me/avatar"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(me3["avatar_url"], Value::Null);
    assert_eq!(me3["initials"], me["initials"]);
    assert_eq!(
        agent.get(app.url(&url2)).send().await.unwrap().status(),
        StatusCode::NOT_FOUND
    );
    let (_, again) = json(agent.get(app.url("/api/v1/me")).send().await.unwrap()).await;
    assert_eq!(again["avatar_url"], Value::Null);
}

async fn password_change(backend: Backend) {
    let app = spawn_app(backend).await;
    let here = app.agent(1).await;
    let elsewhere = app.agent(1).await;
    let colleague = app.agent(2).await;
    let change = |client: &reqwest::Client, current: &str, new: &str| {
        client
            .post(app.url("/api/v1/me/password"))
            .json(&json!({"current_password": current, "new_password": new}))
            .send()
    };

    let (status, body) = json(
        change(&here, "not-my-password", "a brand new passphrase")
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (status, error_code(&body).as_str()),
        (StatusCode::FORBIDDEN, "wrong_password")
    );

    for weak in [
        "short",
        "password123",
        "qwertyuiop",
        "Agent1 is my name",
        "agent1@demo.test!",
    ] {
        let (status, body) = json(change(&here, DEMO_PASSWORD, weak).await.unwrap()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{weak}: {body}");
        assert_eq!(error_code(&body), "weak_password");
        assert!(
            body["error"]["fields"]["new_password"]["code"].is_string(),
            "{body}"
        );
    }
    let (status, _) = json(
        change(&here, DEMO_PASSWORD, &"x".repeat(129))
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    // Nothing changed so far: every session still works.
    assert_eq!(
        elsewhere
            .get(app.url("/api/v1/me"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );

    let res = change(&here, DEMO_PASSWORD, "lantern orbit maple 42")
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert!(
        res.headers().get("set-cookie").is_some(),
        "the session is rotated"
    );

    assert_eq!(
        here.get(app.url("/api/v1/me"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK,
        "this browser stays signed in"
    );
    let (status, body) = json(elsewhere.get(app.url("/api/v1/me")).send().await.unwrap()).await;
    assert_eq!(
        (status, error_code(&body).as_str()),
        (StatusCode::UNAUTHORIZED, "unauthenticated"),
        "other sessions end"
    );
    assert_eq!(
        colleague
            .get(app.url("/api/v1/me"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK,
        "other users are untouched"
    );

    let (_, events) = json(
        here.get(app.url("/api/v1/me/security-events"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(events[0]["kind"], "password_changed", "{events}");
    let fresh = app.client();
    assert_eq!(
        app.login_response(&fresh, "agent1@demo.test", DEMO_PASSWORD)
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.login_response(&fresh, "agent1@demo.test", "lantern orbit maple 42")
            .await
            .status(),
        StatusCode::OK
    );
}

on_both_backends!(avatar_lifecycle, password_change);

#[tokio::test]
async fn avatar_abuse_cases_get_clear_errors() {
    let app = spawn_app(Backend::Sqlite).await;
    let agent = app.agent(1).await;

    // 5 MB + 1 byte: refused while streaming.
    let mut big = vec![0xFF, 0xD8, 0xFF, 0xE0];
    big.resize(FIVE_MB + 1, 0);
    let (status, body) = upload(&app, &agent, big, "big.jpg", None).await;
    assert_eq!(
        (status, error_code(&body).as_str()),
        (StatusCode::PAYLOAD_TOO_LARGE, "file_too_large")
    );
    assert!(
        body["error"]["message"].as_str().unwrap().contains('5'),
        "{body}"
    );
    // A form over the route's limit in another field: 413 too, not a 400.
    let form = Form::new()
        .part(
            "file",
            Part::bytes(png_of(&halves(10, 10))).file_name("a.png"),
        )
        .text("crop_x", "1".repeat(FIVE_MB + 100_000));
    let (status, body) = json(
        agent
            .put(app.url("/api/v1/me/avatar"))
            .multipart(form)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (status, error_code(&body).as_str()),
        (StatusCode::PAYLOAD_TOO_LARGE, "file_too_large")
    );
    // Exactly 5 MB passes the size check (and then fails as an image).
    let mut five = vec![0xFF, 0xD8, 0xFF, 0xE0];
    five.resize(FIVE_MB, 0);
    let (status, body) = upload(&app, &agent, five, "five.jpg", None).await;
    assert_eq!(
        (status, error_code(&body).as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_image")
    );

    // A pixel flood: the header claims 50,000×50,000 px.
    let (status, body) = upload(
        &app,
        &agent,
        png_claiming(50_000, 50_000),
        "flood.png",
        None,
    )
    .await;
    assert_eq!(
        (status, error_code(&body).as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_image")
    );
    let (status, _) = upload(&app, &agent, png_claiming(10_001, 10), "wide.png", None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    // Judged by bytes, not by name or declared type.
    for (bytes, name) in [
        (
            b"<html><script>alert(1)</script></html>".to_vec(),
            "evil.png",
        ),
        (
            b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>".to_vec(),
            "me.svg",
        ),
        (b"GIF89a\x01\x00\x01\x00".to_vec(), "anim.gif"),
        (Vec::new(), "empty.png"),
    ] {
        let (status, body) = upload(&app, &agent, bytes, name, None).await;
        assert_eq!(
            (status, error_code(&body).as_str()),
            (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type"),
            "{name}"
        );
    }

    // A crop outside the picture, half a crop, no file.
    let (status, body) = upload(
        &app,
        &agent,
        png_of(&halves(100, 80)),
        "a.png",
        Some((0, 0, 81)),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["error"]["fields"]["crop_size"].is_object(), "{body}");
    let form = Form::new()
        .part(
            "file",
            Part::bytes(png_of(&halves(10, 10))).file_name("a.png"),
        )
        .text("crop_x", "1");
    let (status, body) = json(
        agent
            .put(app.url("/api/v1/me/avatar"))
            .multipart(form)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (status, error_code(&body).as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
    );
    let form = Form::new().text("crop_x", "1");
    let (status, body) = json(
        agent
            .put(app.url("/api/v1/me/avatar"))
            .multipart(form)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body["error"]["fields"]["file"].is_object(), "{body}");

    // Nothing above changed the profile.
    let (_, me) = json(agent.get(app.url("/api/v1/me")).send().await.unwrap()).await;
    assert_eq!(me["avatar_url"], Value::Null);

    // Messages follow the user's language.
    let (status, body) = json(
        agent
            .patch(app.url("/api/v1/me"))
            .json(&json!({"locale": "es"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (_, body) = upload(&app, &agent, b"<html>".to_vec(), "x.png", None).await;
    let english = agentdesk::i18n::Tr::new(agentdesk_core::domain::Locale::En)
        .t("error-unsupported-media-type");
    assert_ne!(body["error"]["message"].as_str().unwrap(), english);
}

#[tokio::test]
async fn avatar_exif_orientation_is_applied_and_metadata_stripped() {
    let app = spawn_app(Backend::Sqlite).await;
    let agent = app.agent(1).await;
    // Stored 200×100 (red left, blue right) with orientation 6: displayed 100×200, red on top.
    let original = jpeg_with_gps_and_orientation(&halves(200, 100));
    assert!(original.windows(4).any(|w| w == b"Exif"));
    let (status, me) = upload(&app, &agent, original, "phone.jpg", None).await;
    assert_eq!(status, StatusCode::OK, "{me}");
    let (_, bytes) = fetch_image(&app, &agent, me["avatar_url"].as_str().unwrap()).await;
    assert!(
        !bytes.windows(4).any(|w| w == b"Exif"),
        "EXIF (with GPS) stripped"
    );
    assert!(
        !bytes.windows(4).any(|w| w == b"MM\x00\x2a"),
        "no TIFF block left"
    );
    assert!(
        !bytes.windows(2).any(|w| w == [0xFF, 0xE1]),
        "no APP1 segment"
    );
    let out = image::load_from_memory(&bytes).unwrap().into_rgb8();
    assert_eq!(out.dimensions(), (640, 640));
    assert!(
        is_red(out.get_pixel(320, 40)),
        "top is red: {:?}",
        out.get_pixel(320, 40)
    );
    assert!(
        is_blue(out.get_pixel(320, 600)),
        "bottom is blue: {:?}",
        out.get_pixel(320, 600)
    );
}

#[tokio::test]
async fn password_strength_follows_the_same_policy() {
    let app = spawn_app(Backend::Sqlite).await;
    let agent = app.agent(1).await;
    let check = |pw: &str| {
        agent
            .post(app.url("/api/v1/me/password/strength"))
            .json(&json!({"password": pw}))
            .send()
    };
    let (status, weak) = json(check("password1").await.unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(weak["acceptable"], false);
    assert!(weak["score"].as_u64().unwrap() < 2);
    assert!(weak["problem"].as_str().is_some_and(|p| !p.is_empty()));
    let (_, strong) = json(check("lantern orbit maple 42").await.unwrap()).await;
    assert_eq!(strong["acceptable"], true, "{strong}");
    assert!(strong["score"].as_u64().unwrap() >= 3);
    assert_eq!(strong["problem"], Value::Null);
    assert_eq!(
        reqwest::Client::new()
            .post(app.url("/api/v1/me/password/strength"))
            .json(&json!({"password": "x"}))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn wrong_current_passwords_are_throttled() {
    let app = spawn_app(Backend::Sqlite).await;
    let agent = app.agent(1).await;
    let mut last = StatusCode::OK;
    for _ in 0..12 {
        last = agent
            .post(app.url("/api/v1/me/password"))
            .json(&json!({"current_password": "guess", "new_password": "lantern orbit maple 42"}))
            .send()
            .await
            .unwrap()
            .status();
        if last == StatusCode::TOO_MANY_REQUESTS {
            break;
        }
    }
    assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn names_lose_characters_that_reorder_or_hide_text() {
    let app = spawn_app(Backend::Sqlite).await;
    let agent = app.agent(1).await;
    let patch = |body: Value| agent.patch(app.url("/api/v1/me")).json(&body).send();
    let (status, me) = json(
        patch(json!({"first_name": "\u{2067}Ana\u{202E}\u{2069}", "last_name": "\u{200B}Lee\u{FEFF}"}))
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{me}");
    assert_eq!(
        (me["first_name"].as_str(), me["last_name"].as_str()),
        (Some("Ana"), Some("Lee"))
    );
    // A name of nothing but invisible characters is no name.
    let (status, body) = json(
        patch(json!({"first_name": "\u{200B}\u{200D}\u{202E}"}))
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["error"]["fields"]["first_name"]["code"], "required");
}

crate::on_both_backends!(one_save_applies_the_picture_and_the_names_or_nothing);

/// Issue 10 (15): the Profile page's one Save sends the picture with the names; a wrong name
/// leaves the picture unsaved too, a wrong picture leaves the names as they were.
async fn one_save_applies_the_picture_and_the_names_or_nothing(backend: Backend) {
    let app = crate::support::spawn_app(backend).await;
    let agent = app.agent(1).await;
    let save = |file: Vec<u8>, first: &str, last: &str| {
        let form = reqwest::multipart::Form::new()
            .part(
                "file",
                reqwest::multipart::Part::bytes(file).file_name("me.png"),
            )
            .text("first_name", first.to_owned())
            .text("last_name", last.to_owned());
        agent
            .put(app.url("/api/v1/me/avatar"))
            .multipart(form)
            .send()
    };
    let picture = png_of(&halves(300, 300));
    let me = || async {
        json(agent.get(app.url("/api/v1/me")).send().await.unwrap())
            .await
            .1
    };
    let before = me().await;
    // An empty first name: nothing is saved, and the answer says which field.
    let (status, body) = json(save(picture.clone(), "  ", "Chen").await.unwrap()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["error"]["fields"]["first_name"]["code"], "required");
    let after = me().await;
    assert_eq!(
        after["avatar_url"],
        Value::Null,
        "the picture was not saved"
    );
    assert_eq!(after["first_name"], before["first_name"]);
    // A file that is no picture: the names stay as they were.
    let (status, _) = json(save(b"<html>".to_vec(), "Amélie", "Zhang").await.unwrap()).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(me().await["first_name"], before["first_name"]);
    // Both right: both saved, in one answer.
    let (status, body) = json(save(picture, "Amélie", "Zhang").await.unwrap()).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        (body["first_name"].as_str(), body["last_name"].as_str()),
        (Some("Amélie"), Some("Zhang"))
    );
    assert!(body["avatar_url"].is_string());
}
