//! Arbitrary text into the register parser: it must return a register or
//! an error, never panic or hang.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = ap_monitor::storage::parse(Path::new("fuzz.ron"), &text);
});
