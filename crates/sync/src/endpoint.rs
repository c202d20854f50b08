//! Adding, checking and removing endpoint profiles. Saving a profile checks the credentials
//! with `GET /users/me` first (the only call that tells a wrong application password), then
//! stores the profile in the library and the password in the keychain. A ninjs profile is
//! checked by a GET of its resource address (any HTTP answer counts as reachable) and keeps
//! its optional signing secret in the keychain the same way.

use banthao_core::sync::{Endpoint, EndpointCheck, EndpointInput, EndpointKind, PasswordKept};
use banthao_core::{Error, Result};
use serde_json::Value;

use crate::access::LibraryAccess;
use crate::credentials::{account, Secrets, Storage};
use crate::http::Http;
use crate::wordpress::client::WpClient;

fn check(http: &dyn Http, url: &str, user: &str, password: &str) -> Result<String> {
    let client = WpClient::new(http, url, user, password);
    let me = client.check_credentials().map_err(|e| e.into_core())?;
    Ok(me.get("name").and_then(Value::as_str).unwrap_or(user).to_string())
}

fn kept(storage: Storage) -> PasswordKept {
    match storage {
        Storage::Keychain => PasswordKept::Keychain,
        Storage::SessionOnly => PasswordKept::SessionOnly,
    }
}

/// A ninjs receiver is reachable when its resource address gives any HTTP answer (many
/// answer a GET with 405: they only take POSTs); only no answer at all is a failure.
fn reach(http: &dyn Http, url: &str) -> Result<String> {
    match http.send(&crate::http::Request::new("GET", url)) {
        Ok(answer) => Ok(format!("HTTP {}", answer.status)),
        Err(e) => Err(crate::error::SyncError::Net(e).into_core()),
    }
}

/// A ninjs profile: checks the receiver answers, saves the profile, keeps the secret (an empty
/// one: requests are not signed).
fn save_ninjs<A: LibraryAccess>(
    access: &A,
    secrets: &Secrets,
    http: &dyn Http,
    input: &EndpointInput,
    secret: &str,
) -> Result<EndpointCheck> {
    let url = banthao_core::sync::endpoints::clean_url(&input.url, input.allow_http)?;
    let answer = reach(http, &url)?;
    let secret = secret.trim();
    let endpoint = access.with_library(|l| l.save_endpoint_signed(input, true, !secret.is_empty()))?;
    let storage = if secret.is_empty() {
        secrets.remove(&account(&endpoint));
        if secrets.has_keychain() {
            Storage::Keychain
        } else {
            Storage::SessionOnly
        }
    } else {
        secrets.store(&account(&endpoint), secret)
    };
    Ok(EndpointCheck { endpoint, password_kept: kept(storage), remote_user: answer })
}

/// Checks the credentials with the site, then saves the profile and keeps the password
/// (for ninjs: checks the receiver answers, and keeps the signing secret).
pub fn save_endpoint<A: LibraryAccess>(
    access: &A,
    secrets: &Secrets,
    http: &dyn Http,
    input: &EndpointInput,
    password: &str,
) -> Result<EndpointCheck> {
    if input.kind == EndpointKind::Ninjs {
        return save_ninjs(access, secrets, http, input, password);
    }
    let url = banthao_core::sync::endpoints::clean_url(&input.url, input.allow_http)?;
    let password = password.trim();
    if password.is_empty() {
        return Err(Error::InvalidInput("an application password is needed".into()));
    }
    let remote_user = check(http, &url, input.username.trim(), password)?;
    let endpoint = access.with_library(|l| l.save_endpoint(input, true))?;
    let storage = secrets.store(&account(&endpoint), password);
    Ok(EndpointCheck { endpoint, password_kept: kept(storage), remote_user })
}

/// Checks a saved profile's credentials again (with `password` if given, else the kept one).
pub fn test_endpoint<A: LibraryAccess>(
    access: &A,
    secrets: &Secrets,
    http: &dyn Http,
    name: &str,
    password: Option<&str>,
) -> Result<EndpointCheck> {
    let endpoint: Endpoint = access.with_library(|l| l.endpoint_by_name(name))?;
    if endpoint.kind == EndpointKind::Ninjs {
        let answer = reach(http, &endpoint.url)?;
        let endpoint = access.with_library(|l| {
            l.mark_endpoint_checked(endpoint.id)?;
            l.endpoint(endpoint.id)
        })?;
        let storage = if secrets.has_keychain() { Storage::Keychain } else { Storage::SessionOnly };
        return Ok(EndpointCheck { endpoint, password_kept: kept(storage), remote_user: answer });
    }
    let password = crate::worker::password_for(secrets, &endpoint, password).map_err(|e| e.into_core())?;
    let remote_user = check(http, &endpoint.url, &endpoint.username, &password)?;
    let endpoint = access.with_library(|l| {
        l.mark_endpoint_checked(endpoint.id)?;
        l.endpoint(endpoint.id)
    })?;
    let storage = if secrets.has_keychain() { Storage::Keychain } else { Storage::SessionOnly };
    Ok(EndpointCheck { endpoint, password_kept: kept(storage), remote_user })
}

/// Removes a profile and forgets its password.
pub fn remove_endpoint<A: LibraryAccess>(access: &A, secrets: &Secrets, name: &str) -> Result<Endpoint> {
    let endpoint = access.with_library(|l| l.remove_endpoint(name))?;
    secrets.remove(&account(&endpoint));
    Ok(endpoint)
}
