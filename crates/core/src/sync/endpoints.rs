//! Endpoint profiles: a site's address, a user name and how statuses map. The password is
//! never here (the OS keychain holds it); the address rules are checked before anything is stored.

use rusqlite::{params, OptionalExtension, Row};

use super::model::*;
use crate::error::{Error, Result};
use crate::library::Library;
use crate::time::now_rfc3339;

const COLUMNS: &str =
    "id, name, kind, url, username, allow_http, status_map, created_at, checked_at, secret_key, assets_url, signed";

fn from_row(r: &Row) -> rusqlite::Result<Endpoint> {
    Ok(Endpoint {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: EndpointKind::parse(&r.get::<_, String>(2)?),
        url: r.get(3)?,
        assets_url: r.get(10)?,
        signed: r.get(11)?,
        username: r.get(4)?,
        allow_http: r.get(5)?,
        status_map: serde_json::from_str(&r.get::<_, String>(6)?).unwrap_or_default(),
        created_at: r.get(7)?,
        checked_at: r.get(8)?,
        secret_key: r.get(9)?,
    })
}

/// The host of an `http(s)://host[:port]/…` address, lowercased, brackets kept for IPv6.
pub fn url_host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if host_port.starts_with('[') {
        host_port.split_inclusive(']').next()?
    } else {
        host_port.split(':').next()?
    };
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

pub fn is_loopback_host(host: &str) -> bool {
    host == "localhost" || host == "[::1]" || host.starts_with("127.")
}

/// A site address as stored: trimmed, no trailing slash, no `/wp-json`, http(s) only, no
/// user or password inside it, plain http only to this machine unless explicitly allowed.
pub fn clean_url(url: &str, allow_http: bool) -> Result<String> {
    let mut url = url.trim().trim_end_matches('/').to_string();
    for suffix in ["/wp-json/wp/v2", "/wp-json"] {
        if let Some(stripped) = url.strip_suffix(suffix) {
            url = stripped.to_string();
        }
    }
    let lower = url.to_ascii_lowercase();
    let Some(host) = url_host(&url) else {
        return Err(Error::EndpointAddress { url, reason: AddressProblem::NotAUrl });
    };
    if url.split_once("://").is_some_and(|(_, rest)| rest.split('/').next().unwrap_or("").contains('@')) {
        return Err(Error::EndpointAddress { url: "…".into(), reason: AddressProblem::CredentialsInUrl });
    }
    if lower.starts_with("http://") {
        if !is_loopback_host(&host) && !allow_http {
            return Err(Error::EndpointAddress { url, reason: AddressProblem::PlainHttp });
        }
    } else if !lower.starts_with("https://") {
        return Err(Error::EndpointAddress { url, reason: AddressProblem::NotAUrl });
    }
    Ok(url)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddressProblem {
    NotAUrl,
    PlainHttp,
    CredentialsInUrl,
}

fn check_status_map(map: &StatusMap) -> Result<()> {
    match map.values().into_iter().find(|v| !REMOTE_STATUSES.contains(v)) {
        Some(bad) => {
            Err(Error::InvalidInput(format!("'{bad}' is not a WordPress status ({})", REMOTE_STATUSES.join(", "))))
        }
        None => Ok(()),
    }
}

impl Library {
    pub fn endpoints(&self) -> Result<Vec<Endpoint>> {
        let mut stmt =
            self.conn.prepare_cached(&format!("SELECT {COLUMNS} FROM endpoints ORDER BY name COLLATE vi"))?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn endpoint(&self, id: EndpointId) -> Result<Endpoint> {
        self.conn
            .query_row(&format!("SELECT {COLUMNS} FROM endpoints WHERE id = ?1"), [id], from_row)
            .optional()?
            .ok_or_else(|| Error::EndpointNotFound(id.to_string()))
    }

    pub fn endpoint_by_name(&self, name: &str) -> Result<Endpoint> {
        self.conn
            .query_row(&format!("SELECT {COLUMNS} FROM endpoints WHERE name = ?1"), [name.trim()], from_row)
            .optional()?
            .ok_or_else(|| Error::EndpointNotFound(name.trim().to_string()))
    }

    /// Adds a profile, or updates the one with the same name. The caller has checked the
    /// credentials with the site (`checked` says so) and stored the password in the keychain.
    pub fn save_endpoint(&mut self, input: &EndpointInput, checked: bool) -> Result<Endpoint> {
        self.save_endpoint_signed(input, checked, false)
    }

    /// [`Library::save_endpoint`], saying whether a ninjs profile has a signing secret (kept in
    /// the keychain by the caller): a signed profile whose secret is lost refuses to send
    /// unsigned.
    pub fn save_endpoint_signed(&mut self, input: &EndpointInput, checked: bool, signed: bool) -> Result<Endpoint> {
        let name = banthao_text::to_nfc_string(input.name.trim());
        if name.is_empty() {
            return Err(Error::InvalidInput("an endpoint needs a name".into()));
        }
        let username = banthao_text::to_nfc_string(input.username.trim());
        if username.is_empty() && input.kind == EndpointKind::Wordpress {
            return Err(Error::InvalidInput("an endpoint needs a user name".into()));
        }
        let url = clean_url(&input.url, input.allow_http)?;
        let assets_url = match (input.kind, input.assets_url.as_deref().map(str::trim)) {
            (EndpointKind::Wordpress, _) => None,
            (EndpointKind::Ninjs, Some(a)) if !a.is_empty() => Some(clean_url(a, input.allow_http)?),
            (EndpointKind::Ninjs, _) => Some(format!("{url}/assets")),
        };
        let map = input.status_map.clone().unwrap_or_default();
        check_status_map(&map)?;
        let now = now_rfc3339();
        let checked_at = checked.then(|| now.clone());
        self.conn.execute(
            "INSERT INTO endpoints (name, url, username, allow_http, status_map, created_at, checked_at, kind,
               assets_url, signed)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
             ON CONFLICT (name) DO UPDATE SET url = excluded.url, username = excluded.username,
               allow_http = excluded.allow_http, status_map = excluded.status_map,
               checked_at = coalesce(excluded.checked_at, endpoints.checked_at), kind = excluded.kind,
               assets_url = excluded.assets_url, signed = excluded.signed",
            params![
                name,
                url,
                username,
                input.allow_http,
                serde_json::to_string(&map).expect("map serializes"),
                now,
                checked_at,
                input.kind.as_str(),
                assets_url,
                signed
            ],
        )?;
        let endpoint = self.endpoint_by_name(&name)?;
        // Sync bases handed over for this site before it had an endpoint here.
        crate::interchange::handover::adopt_pending_bases(&self.conn, &endpoint)?;
        Ok(endpoint)
    }

    /// Removes a profile. Articles that synced to it keep their text; their sync records go.
    pub fn remove_endpoint(&mut self, name: &str) -> Result<Endpoint> {
        let endpoint = self.endpoint_by_name(name)?;
        let tx = crate::library::connection::write_transaction(&mut self.conn)?;
        tx.execute("DELETE FROM sync_state WHERE endpoint_id = ?1", [endpoint.id])?;
        tx.execute("DELETE FROM endpoints WHERE id = ?1", [endpoint.id])?;
        tx.commit()?;
        Ok(endpoint)
    }

    pub fn mark_endpoint_checked(&self, id: EndpointId) -> Result<()> {
        self.conn.execute("UPDATE endpoints SET checked_at = ?2 WHERE id = ?1", params![id, now_rfc3339()])?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses() {
        assert_eq!(clean_url(" https://tin.example.vn/wp-json/ ", false).unwrap(), "https://tin.example.vn");
        assert_eq!(clean_url("http://127.0.0.1:8080/", false).unwrap(), "http://127.0.0.1:8080");
        assert_eq!(clean_url("http://localhost/site", false).unwrap(), "http://localhost/site");
        assert!(matches!(
            clean_url("http://tin.example.vn", false),
            Err(Error::EndpointAddress { reason: AddressProblem::PlainHttp, .. })
        ));
        assert_eq!(clean_url("http://tin.example.vn", true).unwrap(), "http://tin.example.vn");
        assert!(matches!(
            clean_url("ftp://tin.example.vn", true),
            Err(Error::EndpointAddress { reason: AddressProblem::NotAUrl, .. })
        ));
        assert!(matches!(
            clean_url("https://admin:secret@tin.example.vn", true),
            Err(Error::EndpointAddress { reason: AddressProblem::CredentialsInUrl, url }) if !url.contains("secret")
        ));
        assert_eq!(url_host("http://[::1]:80/x").as_deref(), Some("[::1]"));
    }
}
