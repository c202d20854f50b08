//! Application passwords: in the OS keychain (Secret Service on Linux), never in the library,
//! logs, messages or argv. Without a keychain, a password is kept for this session only.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

const SERVICE: &str = "banthao";

/// Where a password was put.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Storage {
    Keychain,
    /// No keychain on this machine: the password lives in memory until the app closes.
    SessionOnly,
}

/// The keychain entry's account: the user at the site (readable in a keychain manager) and the
/// profile's own random key, so profiles of two libraries never share or remove each other's.
pub fn account(endpoint: &banthao_core::sync::Endpoint) -> String {
    format!("{}@{}#{}", endpoint.username, endpoint.url, endpoint.secret_key)
}

pub struct Secrets {
    session: Mutex<HashMap<String, String>>,
    /// Whether the Secret Service answers: asked on first use, never on the way to the window.
    keychain: OnceLock<bool>,
}

impl Secrets {
    /// Uses the Secret Service when a session bus is there and answers.
    pub fn system() -> Secrets {
        Secrets { session: Mutex::new(HashMap::new()), keychain: OnceLock::new() }
    }

    /// Memory only (tests, and machines without a keychain).
    pub fn session_only() -> Secrets {
        Secrets { session: Mutex::new(HashMap::new()), keychain: OnceLock::from(false) }
    }

    pub fn has_keychain(&self) -> bool {
        *self
            .keychain
            .get_or_init(|| std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|a| !a.is_empty()) && probe())
    }

    pub fn store(&self, account: &str, password: &str) -> Storage {
        if self.has_keychain() {
            if let Ok(entry) = keyring::Entry::new(SERVICE, account) {
                if entry.set_password(password).is_ok() {
                    self.session.lock().unwrap_or_else(|p| p.into_inner()).remove(account);
                    return Storage::Keychain;
                }
            }
        }
        self.session.lock().unwrap_or_else(|p| p.into_inner()).insert(account.to_string(), password.to_string());
        Storage::SessionOnly
    }

    pub fn get(&self, account: &str) -> Option<String> {
        if let Some(p) = self.session.lock().unwrap_or_else(|p| p.into_inner()).get(account) {
            return Some(p.clone());
        }
        if self.has_keychain() {
            return keyring::Entry::new(SERVICE, account).ok()?.get_password().ok();
        }
        None
    }

    pub fn remove(&self, account: &str) {
        self.session.lock().unwrap_or_else(|p| p.into_inner()).remove(account);
        if self.has_keychain() {
            if let Ok(entry) = keyring::Entry::new(SERVICE, account) {
                let _ = entry.delete_credential();
            }
        }
    }
}

/// Whether the Secret Service answers (a bus without a keyring daemon does not).
fn probe() -> bool {
    match keyring::Entry::new(SERVICE, "banthao-probe") {
        Ok(entry) => matches!(entry.get_password(), Ok(_) | Err(keyring::Error::NoEntry)),
        Err(_) => false,
    }
}
