//! Property tests: whatever text a user types, a save and a load give the
//! same register back.

mod common;

use ap_monitor::storage;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_unicode_text_survives_save_and_load(
        name in "\\PC*",
        reason in any::<String>(),
        note in "(?s).{0,200}",
        urn in "[0-9A-Za-z \"\\\\#]{0,20}",
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("register.ron");
        let mut register = common::full_register();
        register.school.name = name;
        register.placements[0].reason = reason;
        register.providers[0].notes = note;
        register.school.urn = urn;
        storage::save(&path, &register).unwrap();
        prop_assert_eq!(storage::load(&path).unwrap(), register);
    }

    #[test]
    fn any_bytes_load_or_fail_never_panic(
        bytes in proptest::collection::vec(any::<u8>(), 0..400),
    ) {
        let text = String::from_utf8_lossy(&bytes);
        if let Err(err) = storage::parse(std::path::Path::new("fuzz.ron"), &text) {
            prop_assert!(!err.to_string().is_empty());
        }
    }
}
