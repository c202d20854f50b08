//! The editor's desk: the guarded workflow and its transitions, notes anchored to the text,
//! what changed between two revisions, the pre-publish checklist, queues per role.

pub mod anchors;
pub mod checklist;
pub mod diff;
pub mod notes;
pub mod people;
pub mod queue;
pub mod review;
pub mod transitions;
pub mod workflow;
