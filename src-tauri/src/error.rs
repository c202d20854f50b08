//! Errors cross to the UI as `{code, message}` (`ErrorPayload`), with the message in the
//! user's language; never as bare strings.

pub type CommandResult<T> = Result<T, banthao_core::ErrorPayload>;
