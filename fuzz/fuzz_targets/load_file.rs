//! Arbitrary bytes through `storage::load` from a file, so the byte-level
//! checks (byte order marks, UTF-16, invalid UTF-8) are fuzzed as well.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(dir) = tempfile::tempdir() else {
        return;
    };
    let path = dir.path().join("register.ron");
    if std::fs::write(&path, data).is_ok() {
        let _ = ap_monitor::storage::load(&path);
    }
});
