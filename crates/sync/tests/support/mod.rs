//! Test support shared by the integration tests (`mod support;`): the real WordPress started by
//! scripts/wordpress/start.sh, and a fault-injecting proxy to put in front of it.

pub mod fault_proxy;
mod http_wire;
pub mod wordpress;
