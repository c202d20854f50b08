//! Adding, checking and removing endpoint profiles. Saving a profile checks the credentials
//! with `GET /users/me` first (the only call that tells a wrong application password), then
//! stores the profile in the library and the password in the keychain.

use banthao_core::sync::{Endpoint, EndpointCheck, EndpointInput, PasswordKept};
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

/// Checks the credentials with the site, then saves the profile and keeps the password.
pub fn save_endpoint<A: LibraryAccess>(
    access: &A,
    secrets: &Secrets,
    http: &dyn Http,
    input: &EndpointInput,
    password: &str,
) -> Result<EndpointCheck> {
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
