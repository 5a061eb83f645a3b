//! The emoji picker's data, from the maintained `emojis` crate (Unicode's emoji list): each emoji
//! with its name and shortcodes to search by, its group, and its five skin-tone variants when it
//! has them. One answer for every user, cached by the browser.

use axum::Json;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use emojis::{Group, SkinTone};
use serde::Serialize;
use utoipa::ToSchema;

use crate::http::error::ErrorBody;
use crate::http::{ApiError, ApiUser, RequestCtx};

#[derive(Debug, Serialize, ToSchema)]
pub struct EmojiGroup {
    /// `smileys_and_emotion`, `people_and_body`, …
    pub id: &'static str,
    /// The group's name in the user's language.
    pub name: String,
    pub emojis: Vec<EmojiItem>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EmojiItem {
    /// The emoji.
    pub e: &'static str,
    /// Its Unicode name (English), searched by.
    pub n: &'static str,
    /// Its shortcodes (`thumbsup`), searched by.
    pub s: Vec<&'static str>,
    /// Light, medium-light, medium, medium-dark and dark skin tones, when it has them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub t: Vec<&'static str>,
}

fn group_id(g: Group) -> &'static str {
    match g {
        Group::SmileysAndEmotion => "smileys_and_emotion",
        Group::PeopleAndBody => "people_and_body",
        Group::AnimalsAndNature => "animals_and_nature",
        Group::FoodAndDrink => "food_and_drink",
        Group::TravelAndPlaces => "travel_and_places",
        Group::Activities => "activities",
        Group::Objects => "objects",
        Group::Symbols => "symbols",
        Group::Flags => "flags",
    }
}

const TONES: [SkinTone; 5] = [
    SkinTone::Light,
    SkinTone::MediumLight,
    SkinTone::Medium,
    SkinTone::MediumDark,
    SkinTone::Dark,
];

#[utoipa::path(
    get, path = "/api/v1/emojis", tag = "canned responses",
    responses(
        (status = 200, description = "Every emoji by group, for the editor's picker", body = [EmojiGroup]),
        (status = 401, body = ErrorBody),
    )
)]
pub async fn list(_: ApiUser, ctx: RequestCtx) -> Result<Response, ApiError> {
    let tr = ctx.tr();
    let groups: Vec<EmojiGroup> = Group::iter()
        .map(|g| EmojiGroup {
            id: group_id(g),
            name: tr.t(&format!("emoji-group-{}", group_id(g).replace('_', "-"))),
            emojis: g
                .emojis()
                .filter(|e| matches!(e.skin_tone(), None | Some(SkinTone::Default)))
                .map(|e| EmojiItem {
                    e: e.as_str(),
                    n: e.name(),
                    s: e.shortcodes().collect(),
                    t: TONES
                        .iter()
                        .filter_map(|t| e.with_skin_tone(*t).map(|v| v.as_str()))
                        .collect(),
                })
                .collect(),
        })
        .collect();
    let mut res = Json(groups).into_response();
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=300"),
    );
    Ok(res)
}
