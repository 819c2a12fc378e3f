//! The `ap-monitor` program.

fn main() {}
