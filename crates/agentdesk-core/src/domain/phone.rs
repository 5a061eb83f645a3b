//! Phone numbers as the product stores them: E.164 (`+14155550123`), parsed and validated with
//! libphonenumber's metadata (the `phonenumber` crate), from a country picker and what the user
//! typed, or from an E.164 string.

use super::Invalid;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PhoneE164(String);

impl PhoneE164 {
    /// `country` is an ISO 3166 alpha-2 code (`US`, `BR`) used when `raw` has no `+` prefix.
    pub fn parse(country: Option<&str>, raw: &str) -> Result<Self, Invalid> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err(Invalid::Required);
        }
        if raw.chars().count() > 32 {
            return Err(Invalid::TooLong);
        }
        let region = match country.map(str::trim).filter(|c| !c.is_empty()) {
            Some(c) => Some(
                c.to_ascii_uppercase()
                    .parse::<phonenumber::country::Id>()
                    .map_err(|_| Invalid::Unsupported)?,
            ),
            None => None,
        };
        let number = phonenumber::parse(region, raw).map_err(|_| Invalid::Format)?;
        if !phonenumber::is_valid(&number) {
            return Err(Invalid::Format);
        }
        Ok(Self(
            number.format().mode(phonenumber::Mode::E164).to_string(),
        ))
    }

    /// Whether text messages can reach this number, by libphonenumber's metadata: mobile numbers,
    /// and fixed-line-or-mobile where the numbering plan cannot tell them apart (the US, say).
    /// Everything else — premium-rate, shared-cost, toll-free, VoIP, pager, personal, UAN — and
    /// every non-geographic "country" (+870 Inmarsat, +881 satellite, +882/+883 international
    /// networks, +979 international premium rate) is refused: a code sent there costs money or
    /// earns it for someone else (toll fraud).
    pub fn receives_sms(&self) -> bool {
        let Ok(number) = phonenumber::parse(None, &self.0) else {
            return false;
        };
        if number.country().id().is_none() {
            return false;
        }
        matches!(
            number.number_type(&phonenumber::metadata::DATABASE),
            phonenumber::Type::Mobile | phonenumber::Type::FixedLineOrMobile
        )
    }

    /// A stored value, which must already be E.164.
    pub fn from_e164(raw: &str) -> Result<Self, Invalid> {
        let parsed = Self::parse(None, raw)?;
        if parsed.0 == raw {
            Ok(parsed)
        } else {
            Err(Invalid::Format)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for PhoneE164 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Every region libphonenumber knows, with its calling code (`("BR", 55)`), sorted by region code:
/// the country picker's options. Computed once.
pub fn regions() -> &'static [(String, u16)] {
    static REGIONS: std::sync::OnceLock<Vec<(String, u16)>> = std::sync::OnceLock::new();
    REGIONS.get_or_init(|| {
        let db = &*phonenumber::metadata::DATABASE;
        let mut out = Vec::new();
        for a in 'A'..='Z' {
            for b in 'A'..='Z' {
                let id = format!("{a}{b}");
                if let Some(meta) = db.by_id(id.as_str()) {
                    out.push((id, meta.country_code()));
                }
            }
        }
        out
    })
}

/// The region of a stored number (`+5511…` → `BR`), for preselecting the picker.
pub fn region_of(phone: &PhoneE164) -> Option<String> {
    let number = phonenumber::parse(None, phone.as_str()).ok()?;
    number.country().id().map(|id| id.as_ref().to_owned())
}

/// How a user's second factor reaches them: a code sent by SMS or email, or a code an
/// authenticator app computes (TOTP, RFC 6238; the strongest of the three).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TwoFactorMethod {
    Sms,
    Email,
    Totp,
}

impl TwoFactorMethod {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        match raw {
            "sms" => Ok(Self::Sms),
            "email" => Ok(Self::Email),
            "totp" => Ok(Self::Totp),
            _ => Err(Invalid::Unsupported),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Sms => "sms",
            Self::Email => "email",
            Self::Totp => "totp",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn national_numbers_need_their_country_and_become_e164() {
        assert_eq!(
            PhoneE164::parse(Some("us"), "(415) 555-2671")
                .unwrap()
                .as_str(),
            "+14155552671"
        );
        assert_eq!(
            PhoneE164::parse(Some("BR"), "11 91234-5678")
                .unwrap()
                .as_str(),
            "+5511912345678"
        );
        assert_eq!(
            PhoneE164::parse(None, "+44 20 7946 0958").unwrap().as_str(),
            "+442079460958"
        );
        assert_eq!(PhoneE164::parse(Some("US"), "123"), Err(Invalid::Format));
        assert_eq!(PhoneE164::parse(Some("US"), " "), Err(Invalid::Required));
        assert_eq!(
            PhoneE164::parse(Some("XX"), "4155552671"),
            Err(Invalid::Unsupported)
        );
        assert_eq!(PhoneE164::parse(None, "4155552671"), Err(Invalid::Format));
        assert_eq!(
            PhoneE164::parse(Some("US"), "<script>"),
            Err(Invalid::Format)
        );
    }

    #[test]
    fn regions_come_with_calling_codes() {
        let all = regions();
        assert!(all.len() > 200, "{}", all.len());
        assert!(all.contains(&("BR".to_owned(), 55)));
        assert!(all.contains(&("US".to_owned(), 1)));
        let br = PhoneE164::parse(Some("BR"), "11 91234-5678").unwrap();
        assert_eq!(region_of(&br).as_deref(), Some("BR"));
    }

    #[test]
    fn only_numbers_that_receive_text_messages_get_codes() {
        for mobile in [
            "+5511912345678", // Brazil, mobile
            "+447911123456",  // UK, mobile
            "+14155552671",   // US: fixed line or mobile
            "+8613812345678", // China, mobile
            "+966501234567",  // Saudi Arabia, mobile
        ] {
            let p = PhoneE164::parse(None, mobile).unwrap();
            assert!(p.receives_sms(), "{mobile} should receive SMS");
        }
        for costly in [
            "+979123456789",  // international premium rate
            "+449091234567",  // UK premium rate (09)
            "+449061234567",  // UK premium rate (0906)
            "+448712345678",  // UK 0871: shared cost / premium
            "+19002345678",   // US 1-900 premium rate
            "+8823421234567", // international networks
            "+881612345678",  // global mobile satellite system
            "+870773123456",  // Inmarsat
            "+18002345678",   // US toll free
            "+442079460958",  // UK fixed line (London)
        ] {
            // Each is a valid number (so the check below is what refuses it).
            let p = PhoneE164::parse(None, costly).unwrap();
            assert!(!p.receives_sms(), "{costly} must not receive SMS");
        }
    }

    #[test]
    fn stored_values_must_be_exact_e164() {
        assert!(PhoneE164::from_e164("+14155552671").is_ok());
        assert!(PhoneE164::from_e164("+1 415 555 2671").is_err());
    }
}
