pub mod body;
pub mod figures;
pub mod model;
pub mod render;
pub mod schema;
