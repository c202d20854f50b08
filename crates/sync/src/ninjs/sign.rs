//! The Superdesk HTTP push signature: `x-superdesk-signature: sha1=<hex HMAC-SHA1>` over the
//! exact bytes of the request body, keyed with the profile's secret.

use hmac::{Hmac, Mac};
use sha1::Sha1;

pub const SIGNATURE_HEADER: &str = "x-superdesk-signature";

/// `sha1=` and the lowercase hex HMAC-SHA1 of `body` with `secret`.
pub fn signature(secret: &str, body: &[u8]) -> String {
    let mut mac = Hmac::<Sha1>::new_from_slice(secret.as_bytes()).expect("HMAC takes a key of any length");
    mac.update(body);
    let digest = mac.finalize().into_bytes();
    let mut out = String::with_capacity(45);
    out.push_str("sha1=");
    for b in digest {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// Adds the signature header when a secret is set (an empty secret signs nothing).
pub fn signed(request: crate::http::Request, secret: Option<&str>) -> crate::http::Request {
    match secret.filter(|s| !s.is_empty()) {
        Some(secret) => {
            let value = signature(secret, &request.body);
            request.header(SIGNATURE_HEADER, value)
        }
        None => request,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_python_hmac() {
        // python3 -c "import hmac; print(hmac.new(b'key', b'The quick brown fox jumps over the lazy dog', 'sha1').hexdigest())"
        assert_eq!(
            signature("key", b"The quick brown fox jumps over the lazy dog"),
            "sha1=de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9"
        );
    }
}
