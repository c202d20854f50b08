//! Links in a Word document: a `HYPERLINK` field's target, and a typed target completed the
//! way the editor completes one (a bare domain gets https://, an e-mail address mailto:).

/// The target of a `HYPERLINK "url"` field instruction (`\l` bookmarks inside the document are not links out).
pub(super) fn hyperlink_field(instr: &str) -> Option<String> {
    let rest = instr.trim().strip_prefix("HYPERLINK")?.trim();
    if rest.starts_with("\\l") {
        return None;
    }
    let target = match rest.strip_prefix('"') {
        Some(quoted) => quoted.split('"').next()?,
        None => rest.split_whitespace().next()?,
    };
    (!target.is_empty()).then(|| target.to_string())
}

/// As the editor completes a typed link (`completeHref` in `ui/src/editor/schema.ts`): a bare
/// e-mail address gets `mailto:`, a bare domain `https://`; anything else is left as it is.
pub(super) fn complete_href(typed: &str) -> String {
    let href = typed.trim();
    if crate::article::schema::is_safe_href(href) {
        return href.to_string();
    }
    if is_bare_email(href) {
        return format!("mailto:{href}");
    }
    if is_bare_domain(href) {
        return format!("https://{href}");
    }
    href.to_string()
}

fn is_bare_email(s: &str) -> bool {
    let Some((user, domain)) = s.split_once('@') else { return false };
    let bad = |c: char| c.is_whitespace() || matches!(c, '@' | '/' | ':');
    !user.is_empty() && !user.contains(bad) && !domain.contains(bad) && has_tld(domain) && domain.contains('.')
}

fn has_tld(host: &str) -> bool {
    let tld = host.rsplit('.').next().unwrap_or("");
    tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic)
}

fn is_bare_domain(s: &str) -> bool {
    if s.contains(char::is_whitespace) {
        return false;
    }
    let end = s.find(['/', '?', '#']).unwrap_or(s.len());
    let (host_port, _) = s.split_at(end);
    let host = match host_port.rsplit_once(':') {
        Some((h, port)) if !port.is_empty() && port.len() <= 5 && port.chars().all(|c| c.is_ascii_digit()) => h,
        Some(_) => return false,
        None => host_port,
    };
    let labels: Vec<&str> = host.split('.').collect();
    labels.len() >= 2
        && has_tld(host)
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
                && !l.starts_with('-')
                && !l.ends_with('-')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_completed_as_the_editor_does() {
        assert_eq!(complete_href("vnexpress.net"), "https://vnexpress.net");
        assert_eq!(complete_href("www.vnexpress.net/thoi-su?x=1#a"), "https://www.vnexpress.net/thoi-su?x=1#a");
        assert_eq!(complete_href("toasoan@baodientu.vn"), "mailto:toasoan@baodientu.vn");
        assert_eq!(complete_href(" https://a.vn/ "), "https://a.vn/");
        assert_eq!(complete_href("file:///C:/x.doc"), "file:///C:/x.doc");
        assert_eq!(complete_href("ghi chu"), "ghi chu");
    }

    #[test]
    fn hyperlink_fields_give_their_target() {
        assert_eq!(hyperlink_field(" HYPERLINK \"https://a.vn/x\" \\o \"tip\""), Some("https://a.vn/x".into()));
        assert_eq!(hyperlink_field("HYPERLINK \\l \"_Toc1\""), None);
        assert_eq!(hyperlink_field("PAGE"), None);
    }
}
