//! Files that travel: Word documents in ([`docx`]), the handover file that carries an article
//! between machines ([`handover`], `.banthao`), and IPTC ninjs out ([`ninjs`]).

pub mod docx;
pub mod handover;
pub mod ninjs;
