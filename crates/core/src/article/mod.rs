pub mod body;
pub mod model;
pub mod render;
pub mod schema;
