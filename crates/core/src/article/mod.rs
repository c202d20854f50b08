pub mod blocks;
pub mod body;
pub mod figures;
pub mod merge;
pub mod model;
pub mod render;
pub mod schema;
