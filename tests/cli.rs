//! The `ap-monitor` subcommands, run as a script would run them.

#![expect(
    clippy::unwrap_used,
    reason = "a setup failure should stop the test loudly"
)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use ap_monitor::model::ChecklistStatus;

fn ap_monitor(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ap-monitor"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn sample(dir: &Path, name: &str, extra: &[&str]) -> PathBuf {
    let path = dir.join(name);
    let mut args = vec!["sample", "-o", path.to_str().unwrap()];
    args.extend_from_slice(extra);
    let output = ap_monitor(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    path
}

#[test]
fn sample_is_the_same_for_the_same_seed() {
    let dir = tempfile::tempdir().unwrap();
    let a = sample(dir.path(), "a.ron", &["--seed", "5", "--placements", "40"]);
    let b = sample(dir.path(), "b.ron", &["--seed", "5", "--placements", "40"]);
    let c = sample(dir.path(), "c.ron", &["--seed", "6", "--placements", "40"]);
    assert_eq!(fs::read(&a).unwrap(), fs::read(&b).unwrap());
    assert_ne!(fs::read(&a).unwrap(), fs::read(&c).unwrap());
}

#[test]
fn shipped_sample_is_what_the_sample_command_writes() {
    let dir = tempfile::tempdir().unwrap();
    let fresh = sample(dir.path(), "sample.ron", &[]);
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample-register.ron");
    let same = fs::read(fresh).unwrap() == fs::read(shipped).unwrap();
    assert!(
        same,
        "out of date; regenerate: cargo run -- sample -o assets/sample-register.ron"
    );
}

#[test]
fn check_prints_counts_and_exits_zero() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample(dir.path(), "s.ron", &["--placements", "30"]);
    let output = ap_monitor(&["check", path.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("30 placements"), "{text}");
    let register = ap_monitor::storage::load(&path).unwrap();
    let checklists = format!("{} QA checklists (", register.checklists.len());
    assert!(text.contains(&checklists), "{text}");
    assert!(text.contains("from 1 template\n"), "{text}");
    assert!(text.contains("no problems found"), "{text}");
}

#[test]
fn check_reports_problems_but_still_exits_zero() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample(dir.path(), "s.ron", &[]);
    let text = fs::read_to_string(&path).unwrap();
    // Point the first placement at a provider that does not exist.
    let broken: Vec<String> = text
        .lines()
        .scan(false, |done, line| {
            let key = line.trim_start().starts_with("provider: ");
            let out = if key && !*done {
                *done = true;
                format!(
                    "{}provider: 9999,",
                    &line[..line.len() - line.trim_start().len()]
                )
            } else {
                line.to_owned()
            };
            Some(out)
        })
        .collect();
    let broken = broken.join("\n");
    fs::write(&path, broken).unwrap();
    let output = ap_monitor(&["check", path.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("provider 9999, which is not in the register"));
}

#[test]
fn unreadable_register_exits_two_with_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    fs::write(
        &path,
        "Register(\n  format_version: 1,\n  school: School(name: 42),\n)",
    )
    .unwrap();
    for command in ["check", "due", "resave"] {
        let output = ap_monitor(&[command, path.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(2), "{command}");
        let message = stderr(&output);
        assert!(message.contains("broken.ron:3:"), "{command}: {message}");
    }
    let missing = dir.path().join("missing.ron");
    let output = ap_monitor(&["check", missing.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("missing.ron"));
}

#[test]
fn due_lists_overdue_items_as_text_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample(dir.path(), "s.ron", &[]);
    let file = path.to_str().unwrap();
    let text = stdout(&ap_monitor(&["due", file, "--on", "2026-12-01"]));
    assert!(text.starts_with("Needs attention on 01/12/2026"), "{text}");
    assert!(text.contains("\nOverdue ("), "{text}");

    let output = ap_monitor(&["due", file, "--on", "01/12/2026", "--format", "csv"]);
    let csv = stdout(&output);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("severity,kind,record,id,name,due,reason,fallback")
    );
    assert!(
        lines.any(|l| l.starts_with("Overdue,Review,placement,")),
        "{csv}"
    );
}

#[test]
fn due_rejects_an_impossible_date() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample(dir.path(), "s.ron", &[]);
    let output = ap_monitor(&["due", path.to_str().unwrap(), "--on", "31/02/2027"]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("31/02/2027"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn list_prints_id_tab_name_with_accents_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample(dir.path(), "s.ron", &[]);
    let placements = stdout(&ap_monitor(&["list", "placements", path.to_str().unwrap()]));
    assert_eq!(placements.lines().count(), 24);
    for line in placements.lines() {
        let (id, name) = line.split_once('\t').unwrap();
        assert!(id.parse::<u32>().is_ok(), "{line}");
        assert!(!name.is_empty(), "{line}");
    }
    for name in ["Zoë", "Siân", "Łukasz", "Aoife", "Nasir"] {
        assert!(
            placements.contains(name),
            "{name} missing from:\n{placements}"
        );
    }
    let providers = stdout(&ap_monitor(&["list", "providers", path.to_str().unwrap()]));
    assert!(providers.lines().count() >= 6, "{providers}");
}

#[test]
fn export_writes_one_row_per_placement() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample(dir.path(), "s.ron", &[]);
    let out = dir.path().join("register.csv");
    let output = ap_monitor(&[
        "export",
        path.to_str().unwrap(),
        "--csv",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let csv = fs::read_to_string(&out).unwrap();
    let header = csv.lines().next().unwrap();
    assert!(header.starts_with("placement id,pupil,date of birth,UPN,year group,provider"));
    assert!(csv.contains("Łukasz"));
    let rows = csv.split("\r\n").filter(|l| !l.is_empty()).count();
    assert!(
        rows > 24,
        "a header and 24 rows (addresses may span lines): {rows}"
    );
}

#[test]
fn resave_keeps_the_register_and_refuses_newer_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample(dir.path(), "s.ron", &[]);
    let before = fs::read_to_string(&path).unwrap();
    let output = ap_monitor(&["resave", path.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(fs::read_to_string(&path).unwrap(), before);

    let newer = before.replacen("format_version: 1", "format_version: 2", 1);
    fs::write(&path, &newer).unwrap();
    let output = ap_monitor(&["resave", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("newer AP Monitor"));
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        newer,
        "a newer file is never re-saved"
    );
}

#[test]
fn print_writes_each_document_as_a_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample(dir.path(), "s.ron", &[]);
    let file = path.to_str().unwrap();
    let list = stdout(&ap_monitor(&["list", "placements", file]));
    let (zoe, _) = list
        .lines()
        .find(|l| l.contains("Zoë"))
        .unwrap()
        .split_once('\t')
        .unwrap();
    let providers = stdout(&ap_monitor(&["list", "providers", file]));
    let (provider, _) = providers.lines().next().unwrap().split_once('\t').unwrap();

    let jobs: [&[&str]; 4] = [
        &["plan", file, "--placement", zoe],
        &["review", file, "--placement", zoe, "--review", "1"],
        &["blank", file, "--provider", provider],
        &["register", file],
    ];
    for job in jobs {
        let out = dir.path().join(format!("{}.pdf", job[0]));
        let mut args = vec!["print"];
        args.extend_from_slice(job);
        args.extend_from_slice(&["-o", out.to_str().unwrap()]);
        let output = ap_monitor(&args);
        assert!(output.status.success(), "{job:?}: {}", stderr(&output));
        let bytes = fs::read(&out).unwrap();
        assert!(bytes.starts_with(b"%PDF-"), "{job:?} is not a PDF");
    }
}

#[test]
fn print_says_which_option_is_missing_or_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample(dir.path(), "s.ron", &[]);
    let out = dir.path().join("x.pdf");
    let (file, out) = (path.to_str().unwrap(), out.to_str().unwrap());
    let cases: [(&[&str], &str); 4] = [
        (&["print", "plan", file, "-o", out], "--placement"),
        (&["print", "checklist", file, "-o", out], "--provider"),
        (
            &["print", "plan", file, "--placement", "99999", "-o", out],
            "99999",
        ),
        (
            &[
                "print",
                "review",
                file,
                "--placement",
                "1",
                "--review",
                "0",
                "-o",
                out,
            ],
            "from 1",
        ),
    ];
    for (args, expected) in cases {
        let output = ap_monitor(args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&output).contains(expected),
            "{args:?}: {}",
            stderr(&output)
        );
    }
    assert!(!Path::new(out).exists(), "nothing is written on failure");
}

#[test]
fn check_reports_a_signed_qa_check_changed_since_its_copy_was_signed() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample(dir.path(), "s.ron", &[]);
    let mut register = ap_monitor::storage::load(&path).unwrap();
    let signed = register
        .checklists
        .iter_mut()
        .find(|c| matches!(c.status, ChecklistStatus::Signed { .. }))
        .expect("the sample has a signed check");
    let id = signed.id;
    if let ChecklistStatus::Signed { fingerprint, .. } = &mut signed.status {
        // As if the copy signed had shown another fingerprint.
        *fingerprint = "00000000".to_owned();
    }
    ap_monitor::storage::save(&path, &register).unwrap();

    let output = ap_monitor(&["check", path.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let now = ap_monitor::report::checklist_fingerprint(&register, id).unwrap();
    let expected = format!(
        "QA checklist {id}, status: changed since its paper copy was signed: the signed copy \
         shows fingerprint 00000000, a reprint would show {now}"
    );
    assert!(text.contains(&expected), "{text}");
    assert!(text.contains("1 problem(s)"), "{text}");
}
