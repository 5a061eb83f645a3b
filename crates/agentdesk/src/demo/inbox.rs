//! The demo's first screen: customers of both demo numbers who wrote in several languages, with
//! conversations open and closed, one assigned to each agent, one outside WhatsApp's 24-hour
//! window, and a photo and a PDF the customers sent (drawn by `files.rs`). Everything goes
//! through the same store calls as real traffic (ingest, assignment, outbound results), dated in
//! the recent past, so every screen shows what it would show in a working team.

use agentdesk_core::Timestamp;
use agentdesk_core::domain::inbox::{
    ConversationId, ConversationStatus, InboundRecord, MediaRef, MessageStatus, OutboundRecord,
};
use agentdesk_core::domain::{CompanyId, UserId};
use agentdesk_core::store::WebhookBatch;

use super::{NUMBERS, SeedError, files};
use crate::state::AppState;
use crate::whatsapp::payload::{MediaKind, MessageContent};

/// What a customer sends in the demo.
enum Said {
    Text(&'static str),
    Photo(&'static str),
    Receipt(&'static str),
    Place {
        latitude: f64,
        longitude: f64,
        name: &'static str,
        address: &'static str,
    },
}

/// One line of a demo conversation, `minutes` before the seeding.
enum Line {
    Customer(i64, Said),
    /// An agent (index into `USERS`) answered; WhatsApp reported `status`.
    Agent(i64, usize, &'static str, MessageStatus),
}

struct Sample {
    /// Index into `NUMBERS`.
    number: usize,
    name: &'static str,
    phone: &'static str,
    bsuid: &'static str,
    /// Index into `USERS` of who took the conversation (right after its first message).
    assignee: Option<usize>,
    /// Closed by its assignee after the last line.
    closed: bool,
    lines: Vec<Line>,
}

use Line::{Agent, Customer};
use MessageStatus::{Delivered, Read};

fn samples() -> Vec<Sample> {
    vec![
        Sample {
            number: 0,
            name: "Mariana Costa",
            phone: "5511998761234",
            bsuid: "BR.1730000000000000001",
            assignee: Some(1),
            closed: false,
            lines: vec![
                Customer(
                    125,
                    Said::Text("Oi! Meu pedido #4821 ainda não chegou. Podem verificar?"),
                ),
                Agent(118, 1, "Olá, Mariana! Vou verificar agora mesmo.", Read),
                Customer(112, Said::Photo("Esta é a etiqueta do pacote")),
                Agent(
                    95,
                    1,
                    "Obrigada! Está com a transportadora e chega amanhã até as 18h.",
                    Read,
                ),
                Customer(18, Said::Text("Perfeito, muito obrigada! 😊")),
            ],
        },
        Sample {
            number: 0,
            name: "Carlos Méndez",
            phone: "34612345678",
            bsuid: "ES.1730000000000000002",
            assignee: Some(2),
            closed: false,
            lines: vec![
                Customer(
                    44,
                    Said::Text("Hola, ¿puedo cambiar la dirección de entrega de mi pedido?"),
                ),
                Agent(40, 2, "¡Claro, Carlos! ¿Cuál es la nueva dirección?", Read),
                Customer(
                    36,
                    Said::Place {
                        latitude: 40.41536,
                        longitude: -3.70739,
                        name: "Calle Mayor 12",
                        address: "Calle Mayor 12, 28013 Madrid",
                    },
                ),
                Agent(33, 2, "Hecho: lo enviamos a Calle Mayor 12.", Delivered),
            ],
        },
        Sample {
            number: 0,
            name: "Fatima Al-Sayed",
            phone: "966501234567",
            bsuid: "SA.1730000000000000003",
            assignee: Some(3),
            closed: false,
            lines: vec![
                Customer(
                    190,
                    Said::Text("مرحبًا، هل يمكنني إرجاع السماعات؟ لم تعجبني."),
                ),
                Agent(
                    182,
                    3,
                    "أهلاً فاطمة! نعم، لديك 30 يومًا للإرجاع. هل يمكنك إرسال الفاتورة؟",
                    Read,
                ),
                Customer(175, Said::Receipt("الفاتورة")),
            ],
        },
        Sample {
            number: 0,
            name: "John Carter",
            phone: "14155550143",
            bsuid: "US.1730000000000000004",
            assignee: Some(1),
            closed: false,
            lines: vec![
                Customer(2 * 24 * 60 + 30, Said::Text("Hi! Do you ship to Canada?")),
                Agent(
                    2 * 24 * 60 + 20,
                    1,
                    "Yes, we do! Shipping to Canada takes 5–7 business days.",
                    Read,
                ),
                Customer(
                    2 * 24 * 60 + 5,
                    Said::Text("Great, I'll order this weekend."),
                ),
            ],
        },
        Sample {
            number: 0,
            name: "Siti Rahma",
            phone: "6281234567890",
            bsuid: "ID.1730000000000000005",
            assignee: Some(2),
            closed: true,
            lines: vec![
                Customer(
                    26 * 60,
                    Said::Text("Halo, kode voucher saya tidak bisa dipakai."),
                ),
                Agent(
                    25 * 60 + 50,
                    2,
                    "Maaf atas kendalanya, Siti! Kode baru: HEMAT15.",
                    Read,
                ),
                Customer(25 * 60 + 40, Said::Text("Sudah bisa, terima kasih banyak!")),
            ],
        },
        Sample {
            number: 1,
            name: "王芳",
            phone: "8613912345678",
            bsuid: "CN.1730000000000000006",
            assignee: None,
            closed: false,
            lines: vec![Customer(
                6,
                Said::Text("你好，请问这款无线耳机有黑色的吗？"),
            )],
        },
        Sample {
            number: 1,
            name: "Dmitri Volkov",
            phone: "79161234567",
            bsuid: "RU.1730000000000000007",
            assignee: None,
            closed: false,
            lines: vec![Customer(
                12,
                Said::Text("Здравствуйте! Есть ли скидки для оптовых заказов от 50 штук?"),
            )],
        },
        Sample {
            number: 1,
            name: "Emma Schmidt",
            phone: "4915112345678",
            bsuid: "DE.1730000000000000008",
            assignee: Some(3),
            closed: true,
            lines: vec![
                Customer(
                    3 * 24 * 60,
                    Said::Text("Can I get an invoice with my company's VAT number?"),
                ),
                Agent(
                    3 * 24 * 60 - 15,
                    3,
                    "Of course, Emma. It's in your inbox now.",
                    Read,
                ),
            ],
        },
    ]
}

/// Seeds the sample conversations for the demo company (`users` in the order of `USERS`).
pub async fn seed(state: &AppState, company: CompanyId, users: &[UserId]) -> Result<(), SeedError> {
    let now = state.clock().now();
    let store = state.store();
    for (s, sample) in samples().into_iter().enumerate() {
        let pnid = NUMBERS[sample.number].0;
        let mut conversation: Option<ConversationId> = None;
        let mut last = now;
        for (i, line) in sample.lines.iter().enumerate() {
            match line {
                Customer(minutes, said) => {
                    let at = now.minus_secs(minutes * 60);
                    let wamid = format!("wamid.demo-{s}-{i}");
                    let (content, file) = content_of(said, &wamid);
                    let batch = WebhookBatch {
                        messages: vec![InboundRecord {
                            phone_number_id: pnid.to_owned(),
                            wamid: wamid.clone(),
                            customer_id: sample.bsuid.to_owned(),
                            customer_phone: Some(sample.phone.to_owned()),
                            customer_bsuid: Some(sample.bsuid.to_owned()),
                            profile_name: Some(sample.name.to_owned()),
                            text: content.preview(),
                            content,
                            reply_to_wamid: None,
                            sent_at: at,
                        }],
                        ..Default::default()
                    };
                    let outcome = store.ingest(&batch, at).await?;
                    if conversation.is_none() {
                        conversation = outcome.events.iter().find_map(|e| e.conversation_id);
                        if let (Some(c), Some(agent)) = (conversation, sample.assignee) {
                            // The agent picked it up a minute later.
                            let taken = at.plus_secs(60);
                            store
                                .assign(company, c, Some(users[agent]), users[agent], taken)
                                .await?
                                .map_err(|e| SeedError::Other(format!("{e:?}")))?;
                        }
                    }
                    if let Some((bytes, mime)) = file {
                        let key = state
                            .blobs()
                            .put(&bytes)
                            .await
                            .map_err(|e| SeedError::Other(e.to_string()))?;
                        let media = MediaRef {
                            key,
                            mime: mime.to_owned(),
                            size: i64::try_from(bytes.len()).unwrap_or(i64::MAX),
                        };
                        store.attach_media(pnid, &wamid, &media, at).await?;
                    }
                    last = at;
                }
                Agent(minutes, agent, text, status) => {
                    let Some(c) = conversation else { continue };
                    let at = now.minus_secs(minutes * 60);
                    let (message, _) = store
                        .create_outbound(
                            &OutboundRecord {
                                conversation_id: c,
                                sender_id: users[*agent],
                                content: MessageContent::Text {
                                    body: (*text).to_owned(),
                                },
                                text: Some((*text).to_owned()),
                                reply_to_wamid: None,
                                media: None,
                            },
                            at,
                        )
                        .await?;
                    let wamid = format!("wamid.demo-{s}-{i}");
                    store
                        .outbound_result(message.id, Some(&wamid), *status, None, at.plus_secs(2))
                        .await?;
                    last = at;
                }
            }
        }
        if let (true, Some(c), Some(agent)) = (sample.closed, conversation, sample.assignee) {
            store
                .set_conversation_status(
                    company,
                    c,
                    ConversationStatus::Closed,
                    users[agent],
                    Timestamp(last.0 + 5 * 60 * 1000),
                )
                .await?;
        }
    }
    Ok(())
}

/// The stored content of what a customer said, and the file it carries.
fn content_of(said: &Said, wamid: &str) -> (MessageContent, Option<(Vec<u8>, &'static str)>) {
    let media = |kind, mime: &str, caption: &str, filename: Option<&str>| MessageContent::Media {
        kind,
        media_id: Some(format!("demo-media-{wamid}")),
        mime_type: Some(mime.to_owned()),
        sha256: None,
        caption: Some(caption.to_owned()),
        filename: filename.map(str::to_owned),
        voice: false,
    };
    match said {
        Said::Text(body) => (
            MessageContent::Text {
                body: (*body).to_owned(),
            },
            None,
        ),
        Said::Photo(caption) => (
            media(MediaKind::Image, "image/png", caption, None),
            Some((files::parcel_label_png(), "image/png")),
        ),
        Said::Receipt(caption) => (
            media(
                MediaKind::Document,
                "application/pdf",
                caption,
                Some("receipt-1042.pdf"),
            ),
            Some((
                files::receipt_pdf(&[
                    "Demo Co - Receipt #1042",
                    "",
                    "Wireless headphones (black)      1 x 59.90",
                    "Shipping                             0.00",
                    "Total (SAR)                         59.90",
                ]),
                "application/pdf",
            )),
        ),
        Said::Place {
            latitude,
            longitude,
            name,
            address,
        } => (
            MessageContent::Location {
                latitude: *latitude,
                longitude: *longitude,
                name: Some((*name).to_owned()),
                address: Some((*address).to_owned()),
                url: None,
            },
            None,
        ),
    }
}
