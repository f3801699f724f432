//! Query strings: splitting `a=1&b=2`, percent-decoding and -encoding (RFC 3986, with `+` read as
//! a space as in `application/x-www-form-urlencoded`). Malformed escapes are kept literally, never
//! rejected, so any string the address bar can hold decodes to something.

/// The longest query string read; the rest is ignored (a notice says so). 8 KiB is far beyond any
/// real share link and keeps a hostile URL from costing time or memory.
pub const MAX_QUERY_LEN: usize = 8 * 1024;

/// Decodes `%XX` escapes and `+`; invalid UTF-8 becomes U+FFFD.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b'%' if i + 2 < bytes.len() && hex(bytes[i + 1]).is_some() && hex(bytes[i + 2]).is_some() => {
                // both digits checked just above
                out.push(hex(bytes[i + 1]).unwrap_or(0) * 16 + hex(bytes[i + 2]).unwrap_or(0));
                i += 3;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Encodes everything but RFC 3986 unreserved characters and `,` (kept readable in lists).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b',') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Splits a query (with or without a leading `?`) into decoded `(key, value)` pairs, in order.
/// Returns the pairs and whether the input was cut at [`MAX_QUERY_LEN`].
pub fn parse_query(query: &str) -> (Vec<(String, String)>, bool) {
    let query = query.strip_prefix('?').unwrap_or(query);
    let truncated = query.len() > MAX_QUERY_LEN;
    let query = if truncated {
        // cut at a char boundary at or below the cap
        let mut end = MAX_QUERY_LEN;
        while !query.is_char_boundary(end) {
            end -= 1;
        }
        &query[..end]
    } else {
        query
    };
    let pairs = query
        .split('&')
        .filter(|part| !part.is_empty())
        .map(|part| match part.split_once('=') {
            Some((k, v)) => (percent_decode(k), percent_decode(v)),
            None => (percent_decode(part), String::new()),
        })
        .collect();
    (pairs, truncated)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_escapes_plus_and_keeps_bad_escapes() {
        assert_eq!(percent_decode("a%20b+c"), "a b c");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%E2%82%AC"), "€");
        assert_eq!(percent_decode("%FF"), "\u{FFFD}");
    }

    #[test]
    fn encode_then_decode_is_identity() {
        for s in ["0.9,0.98", "a b&c=d", "β=0.9", "%", "+"] {
            assert_eq!(percent_decode(&percent_encode(s)), s);
        }
    }

    #[test]
    fn splits_pairs() {
        let (pairs, cut) = parse_query("?view=ewma&beta=0.9%2C0.5&flag&&x=");
        assert!(!cut);
        assert_eq!(
            pairs,
            vec![
                ("view".into(), "ewma".into()),
                ("beta".into(), "0.9,0.5".into()),
                ("flag".into(), "".into()),
                ("x".into(), "".into())
            ]
        );
        let long = "a=".to_string() + &"9".repeat(MAX_QUERY_LEN * 2);
        assert!(parse_query(&long).1);
    }
}
