//! Renders every printed document from a register built in code, then
//! reads the PDFs back with poppler and qpdf where they are installed:
//! every item, answer, note and signature label present, names intact,
//! fonts embedded, the file valid, and no word inside the 15 mm margins.
//!
//! Set `AP_MONITOR_PDF_DIR` to keep the PDFs for looking at.

use std::path::{Path, PathBuf};
use std::process::Command;

use ap_monitor::model::{
    Action, Answer, AttendanceCode, Attendee, AttendeeRole, Checklist, ChecklistId,
    ChecklistStatus, Commissioner, Decision, Destination, Judgement, LaNotification, Objective,
    ObjectiveArea, ObjectiveId, ObjectiveProgress, PersonalisedPlan, Placement, PlacementId,
    PlacementKind, PlacementStatus, Provider, ProviderId, Pupil, Rating, RecordId, Register,
    Registration, RegistrationStatus, Review, School, SenStatus, Session, Signatory, Site, SiteId,
    Weekday, default_template,
};
use ap_monitor::report::{
    ChangedSinceSigned, PrintRequest, ReportError, changed_since_signed, checklist_fingerprint,
    render,
};
use jiff::civil::{Date, Time, date};

const PRINTED_ON: Date = date(2026, 12, 3);
const FARM: ProviderId = ProviderId(1);
const PRU: ProviderId = ProviderId(2);
const CHECKLIST: ChecklistId = ChecklistId(500);

/// Opening and closing words of the note long enough to need two pages.
const LONG_NOTE_START: &str = "Long note starts here";
const LONG_NOTE_END: &str = "and this is where the long note ends";

/// The names whose letters the standard PDF fonts cannot print.
const NAMES: [&str; 6] = [
    "Zoë",
    "Siân",
    "Łukasz",
    "Ffion Wyn-Ŵyn",
    "Nguyễn",
    "Ngozi Ọkọ́nkwọ́",
];

fn school() -> School {
    School {
        name: "St Aidan's Church of England Academy".into(),
        urn: "140123".into(),
        local_authority: "Northshire County Council".into(),
        dsl: "Siân Evans".into(),
        ap_lead: "Łukasz Nowak".into(),
        address: "Church Road\nNorthby NB1 1AA".into(),
    }
}

fn farm() -> Provider {
    Provider {
        id: FARM,
        name: "Hillside Farm Learning CIC".into(),
        sites: vec![
            Site {
                id: SiteId(11),
                name: "Farm".into(),
                address: "Hillside Farm\nMoor Lane\nNorthby NB3 4QT".into(),
            },
            Site {
                id: SiteId(12),
                name: "Chapel".into(),
                address: "The Old Chapel, 2 Church Street, Northby NB1 2AB".into(),
            },
        ],
        ..Provider::default()
    }
}

fn pru() -> Provider {
    Provider {
        id: PRU,
        name: "Northby Pupil Referral Unit".into(),
        sites: vec![Site {
            id: SiteId(21),
            name: String::new(),
            address: "1 Station Road, Northby NB2 9ZZ".into(),
        }],
        registration: Registration {
            status: RegistrationStatus::Maintained,
            urn: "123987".into(),
            inspectorate: "Ofsted".into(),
            inspection_outcome: "Good".into(),
            inspected_on: Some(date(2024, 5, 14)),
        },
        on_la_approved_list: true,
        ..Provider::default()
    }
}

fn session(day: Weekday, from: i8, to: i8) -> Session {
    Session {
        day,
        start: Time::constant(from, 0, 0, 0),
        end: Time::constant(to, 0, 0, 0),
    }
}

fn pupil(name: &str, year_group: u8) -> Pupil {
    Pupil {
        name: name.into(),
        date_of_birth: Some(date(2011, 4, 2)),
        upn: "A123456789012".into(),
        year_group,
        ..Pupil::default()
    }
}

fn plan() -> PersonalisedPlan {
    let objective = |id, area, description: &str| Objective {
        id: ObjectiveId(id),
        area,
        description: description.into(),
        baseline: "62% attendance in the summer term; no written work handed in".into(),
        target: "90% attendance by February half-term".into(),
        measure: "Weekly attendance return from the provider".into(),
    };
    PersonalisedPlan {
        intervention: "Three days a week of land-based learning with English and maths \
                       taught in small groups, returning to St Aidan's on Thursdays and Fridays."
            .into(),
        needs: "Anxiety-based school avoidance; SEN support for literacy.".into(),
        objectives: vec![
            objective(
                31,
                ObjectiveArea::Attendance,
                "Attend every planned session",
            ),
            objective(
                32,
                ObjectiveArea::Learning,
                "Complete Entry Level 3 functional maths",
            ),
            objective(
                33,
                ObjectiveArea::Attitude,
                "Speak up in the weekly group check-in",
            ),
        ],
        assessment: "Baseline tests in week one; half-termly progress reports.".into(),
        curriculum: "Functional skills English and maths; science at the home school.".into(),
        timeline: "Twelve weeks from 07/09/2026, reviewed each half-term.".into(),
        reintegration: "Phased return: one more day at St Aidan's each half-term.".into(),
        review_schedule: "Half-termly, with the pupil and parent invited.".into(),
        reporting: "Attendance by 10:00 and 14:00 each day; weekly summary on Fridays.".into(),
        school_contact: "Łukasz Nowak, AP lead".into(),
        provider_contact: "Dafydd Ŵyn-Jones, centre manager".into(),
        transport: "Taxi arranged by the school".into(),
        lunch: "Free school meal provided on site".into(),
        written_by: "Dafydd Ŵyn-Jones".into(),
        agreed_on: Some(date(2026, 9, 2)),
        agreed_by: "Łukasz Nowak".into(),
        parent_agreed: true,
        pupil_agreed: true,
        ..PersonalisedPlan::default()
    }
}

fn review(id: u32, on: Date) -> Review {
    let progress = |objective, rating| ObjectiveProgress {
        objective: ObjectiveId(objective),
        rating,
        measure_now: "81% attendance".into(),
        comment: "Steady progress; mornings are harder.".into(),
    };
    Review {
        id: RecordId(id),
        date: Some(on),
        attendees: vec![
            Attendee {
                name: "Łukasz Nowak".into(),
                role: AttendeeRole::School,
            },
            Attendee {
                name: "Zoë Brown".into(),
                role: AttendeeRole::Pupil,
            },
            Attendee {
                name: "Nguyễn Thị Mai".into(),
                role: AttendeeRole::ParentCarer,
            },
        ],
        sessions_possible: Some(60),
        sessions_attended: Some(49),
        absence_follow_up: "Two unexplained absences chased the same morning.".into(),
        progress: vec![progress(31, Rating::Progressing), progress(32, Rating::Met)],
        wellbeing: "Settled; works well with the animals.".into(),
        pupil_views: "Zoë says the farm days are the best part of her week.".into(),
        parent_views: "Pleased with the change in mood.".into(),
        decision: Decision::ContinueWithChanges,
        recommended_changes: "Add a fourth day after Christmas.".into(),
        next_steps: "Plan the return to St Aidan's for the summer term.".into(),
        actions: vec![Action {
            description: "Send the timetable for the fourth day".into(),
            owner: "Dafydd Ŵyn-Jones".into(),
            due: Some(date(2026, 12, 12)),
            done_on: None,
        }],
        next_review: Some(date(2027, 2, 10)),
        ..Review::default()
    }
}

fn placements() -> Vec<Placement> {
    let zoe = Placement {
        id: PlacementId(3),
        pupil: pupil("Zoë Brown", 10),
        commissioner: Commissioner::School,
        provider: FARM,
        sites: vec![SiteId(11)],
        reason: "Anxiety-based school avoidance".into(),
        kind: PlacementKind::TimeLimited,
        start: Some(date(2026, 9, 7)),
        planned_end: Some(date(2027, 7, 16)),
        sessions: vec![
            session(Weekday::Mon, 9, 15),
            session(Weekday::Tue, 9, 15),
            session(Weekday::Wed, 9, 15),
        ],
        la_informed: LaNotification {
            on: Some(date(2026, 9, 1)),
            how: "Online form".into(),
        },
        status: PlacementStatus::Active,
        plan: Some(plan()),
        reviews: vec![
            review(41, date(2026, 10, 15)),
            review(42, date(2026, 12, 1)),
        ],
        ..Placement::default()
    };
    let ffion = Placement {
        id: PlacementId(4),
        pupil: Pupil {
            sen: SenStatus::Ehcp,
            ..pupil("Ffion Wyn-Ŵyn", 9)
        },
        provider: FARM,
        reason: "Risk of permanent exclusion".into(),
        start: Some(date(2027, 1, 5)),
        ..Placement::default()
    };
    let an = Placement {
        id: PlacementId(5),
        pupil: pupil("Nguyễn Văn An", 11),
        provider: PRU,
        reason: "Medical needs".into(),
        start: Some(date(2026, 4, 20)),
        attendance_code: AttendanceCode::D,
        status: PlacementStatus::Active,
        sessions: vec![session(Weekday::Mon, 9, 14), session(Weekday::Thu, 9, 14)],
        ..Placement::default()
    };
    let ngozi = Placement {
        id: PlacementId(6),
        pupil: Pupil {
            looked_after: true,
            ..pupil("Ngozi Ọkọ́nkwọ́", 8)
        },
        provider: PRU,
        reason: "Off-site direction to improve behaviour".into(),
        kind: PlacementKind::OffSiteDirection,
        start: Some(date(2026, 1, 12)),
        status: PlacementStatus::Ended {
            on: date(2026, 3, 27),
            outcome: "Returned full time".into(),
            destination: Destination::HomeSchool,
        },
        ..Placement::default()
    };
    vec![zoe, ffion, an, ngozi]
}

fn long_note() -> String {
    let sentence = "The provider showed the single central record on screen; every member \
                    of staff working with Zoë has an enhanced DBS with barred list check, \
                    and Siân Evans confirmed the dates against the school's own record. ";
    format!("{LONG_NOTE_START}. {}{LONG_NOTE_END}.", sentence.repeat(22))
}

fn answer_for(index: usize) -> Answer {
    match index % 9 {
        0 => Answer::No,
        1 => Answer::NotApplicable,
        2 => Answer::NotYetChecked,
        _ => Answer::Yes,
    }
}

fn checklist(register: &mut Register) -> Checklist {
    let template = register.add_template(default_template());
    let template = register.template(template).expect("just added");
    let mut checklist = Checklist::from_template(CHECKLIST, template, FARM);
    checklist.site = Some(SiteId(11));
    checklist.placements = vec![PlacementId(3), PlacementId(4)];
    checklist.visit_date = Some(date(2026, 9, 1));
    checklist.visited_by = "Łukasz Nowak and Siân Evans".into();
    let items = checklist.sections.iter_mut().flat_map(|s| &mut s.items);
    for (index, item) in items.enumerate() {
        item.answer = answer_for(index);
        item.evidence_seen = index % 3 != 2;
        item.evidence_reference = format!("Document ref. HF-{index:03}, seen on screen");
        item.note = format!("Item note {index}: discussed with Dafydd Ŵyn-Jones.");
        item.checked_on = Some(date(2026, 9, 1));
        item.checked_by = "Siân Evans".into();
    }
    checklist.sections[2].items[4].note = long_note();
    checklist.actions = vec![
        Action {
            description: "Send the updated fire risk assessment for the chapel site".into(),
            owner: "Dafydd Ŵyn-Jones".into(),
            due: Some(date(2026, 10, 1)),
            done_on: Some(date(2026, 9, 28)),
        },
        Action {
            description: "Share the low-level concerns policy".into(),
            owner: "Provider".into(),
            due: Some(date(2026, 12, 18)),
            done_on: None,
        },
    ];
    checklist.judgement = Judgement::SuitableWithActions;
    checklist.sign_off.completed_by = signatory("Łukasz Nowak", "AP lead");
    checklist.sign_off.provider_representative = signatory("Dafydd Ŵyn-Jones", "Centre manager");
    checklist.sign_off.countersigned_by = signatory("Siân Evans", "Designated safeguarding lead");
    checklist.next_qa = Some(date(2027, 9, 1));
    checklist.status = ChecklistStatus::Signed {
        on: date(2026, 9, 3),
        fingerprint: String::new(),
    };
    checklist
}

fn signatory(name: &str, role: &str) -> Signatory {
    Signatory {
        name: name.into(),
        role: role.into(),
        date: Some(date(2026, 9, 3)),
    }
}

fn register() -> Register {
    let mut register = Register {
        school: school(),
        providers: vec![farm(), pru()],
        placements: placements(),
        next_id: 1000,
        ..Register::default()
    };
    let checklist = checklist(&mut register);
    register.checklists.push(checklist);
    register
}

// ---------------------------------------------------------------------------
// Tools

/// Whether `tool` runs; prints the skip notice when it does not. CI sets
/// `AP_MONITOR_REQUIRE_TOOLS`, where a missing tool fails instead.
fn have(tool: &str) -> bool {
    let found = Command::new(tool).arg("-v").output().is_ok();
    if !found {
        let required = std::env::var_os("AP_MONITOR_REQUIRE_TOOLS").is_some();
        assert!(
            !required,
            "{tool} is required here (AP_MONITOR_REQUIRE_TOOLS) but missing"
        );
        eprintln!("SKIPPED: {tool} not installed");
    }
    found
}

fn run(tool: &str, args: &[&str]) -> (bool, String) {
    let output = Command::new(tool).args(args).output().expect("tool runs");
    let mut text = String::from_utf8_lossy(&output.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&output.stderr));
    (output.status.success(), text)
}

fn output_dir() -> (Option<tempfile::TempDir>, PathBuf) {
    match std::env::var_os("AP_MONITOR_PDF_DIR") {
        Some(dir) => {
            let dir = PathBuf::from(dir);
            std::fs::create_dir_all(&dir).expect("output folder");
            (None, dir)
        }
        None => {
            let temp = tempfile::tempdir().expect("temp dir");
            let path = temp.path().to_path_buf();
            (Some(temp), path)
        }
    }
}

fn write(dir: &Path, name: &str, request: &PrintRequest) -> PathBuf {
    let bytes = render(&register(), request, PRINTED_ON).expect("renders");
    assert!(bytes.starts_with(b"%PDF-"), "{name} is not a PDF");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("written");
    path
}

fn text_of(path: &Path) -> String {
    let (ok, text) = run("pdftotext", &["-enc", "UTF-8", &path_str(path), "-"]);
    assert!(ok, "pdftotext failed: {text}");
    text
}

fn page_text(path: &Path, page: usize) -> String {
    let page = page.to_string();
    let args = [
        "-enc",
        "UTF-8",
        "-f",
        &page,
        "-l",
        &page,
        &path_str(path),
        "-",
    ];
    run("pdftotext", &args).1
}

fn path_str(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// Whitespace collapsed, so wrapped lines compare with the source text.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text without page furniture: footers, running headers and the
/// "(continued)" rows repeated at the top of a page, so text that flows
/// across a page break reads as one.
fn body_text(text: &str) -> String {
    let furniture = [
        "Provider quality assurance check",
        "Hillside Farm Learning CIC",
        "Yes",
        "No",
        "N/A",
    ];
    let is_furniture = |line: &str| {
        line.starts_with("Printed ")
            || (line.starts_with("Page ") && line.contains(" of "))
            || line.ends_with("(continued)")
            || line.len() == 1
            || furniture.contains(&line)
    };
    text.lines()
        .map(str::trim)
        .filter(|line| !is_furniture(line))
        .collect::<Vec<_>>()
        .join("\n")
}

fn assert_contains(haystack: &str, needle: &str, what: &str) {
    assert!(
        haystack.contains(&flat(needle)),
        "{what}: {needle:?} not found in the PDF text"
    );
}

fn pages(path: &Path) -> usize {
    let (_, info) = run("pdfinfo", &[&path_str(path)]);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count")
}

// ---------------------------------------------------------------------------
// Structural checks

fn check_qpdf(path: &Path) {
    if !have("qpdf") {
        return;
    }
    let (ok, report) = run("qpdf", &["--check", &path_str(path)]);
    assert!(ok, "qpdf --check failed for {}:\n{report}", path.display());
    assert!(!report.contains("WARNING"), "qpdf warnings:\n{report}");
}

fn check_fonts_embedded(path: &Path) {
    if !have("pdffonts") {
        return;
    }
    let (ok, table) = run("pdffonts", &[&path_str(path)]);
    assert!(ok, "pdffonts failed: {table}");
    let rows: Vec<&str> = table
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert!(!rows.is_empty(), "no fonts listed:\n{table}");
    for row in rows {
        let columns: Vec<&str> = row.split_whitespace().collect();
        // name type encoding emb sub uni object-id: "emb" is 5th from the end.
        let emb = columns[columns.len() - 5];
        assert_eq!(emb, "yes", "font not embedded:\n{table}");
    }
}

/// 15 mm in points.
const LIMIT: f64 = 15.0 * 72.0 / 25.4;

fn check_margins(path: &Path) {
    let (ok, html) = run("pdftotext", &["-bbox", &path_str(path), "-"]);
    assert!(ok, "pdftotext -bbox failed");
    let (mut width, mut height) = (0.0, 0.0);
    for line in html.lines().map(str::trim) {
        if line.starts_with("<page") {
            width = attribute(line, "width");
            height = attribute(line, "height");
        }
        if !line.starts_with("<word") {
            continue;
        }
        let (x0, y0) = (attribute(line, "xMin"), attribute(line, "yMin"));
        let (x1, y1) = (attribute(line, "xMax"), attribute(line, "yMax"));
        let inside = x0 >= LIMIT && y0 >= LIMIT && x1 <= width - LIMIT && y1 <= height - LIMIT;
        assert!(
            inside,
            "word inside the margin in {}: {line}",
            path.display()
        );
    }
}

fn attribute(tag: &str, name: &str) -> f64 {
    let key = format!("{name}=\"");
    let start = tag.find(&key).expect("attribute present") + key.len();
    let rest = &tag[start..];
    rest[..rest.find('"').expect("closing quote")]
        .parse()
        .expect("a number")
}

fn check_all(path: &Path) {
    check_qpdf(path);
    check_fonts_embedded(path);
    check_margins(path);
}

// ---------------------------------------------------------------------------
// Tests

#[test]
fn completed_checklist_prints_every_item_answer_note_and_signature() {
    let (_keep, dir) = output_dir();
    let request = PrintRequest::Checklist {
        provider: FARM,
        checklist: None,
    };
    let path = write(&dir, "checklist.pdf", &request);
    if !have("pdftotext") {
        return;
    }
    let raw = text_of(&path);
    let text = flat(&raw);
    let body = flat(&body_text(&raw));
    let register = register();
    let checklist = &register.checklists[0];
    assert!(checklist.items().count() >= 60);
    for item in checklist.items() {
        assert_contains(&body, &item.text, "item text");
        assert_contains(&body, &item.evidence_reference, "evidence reference");
        assert_contains(&body, &item.note, "note");
    }
    let unchecked = checklist.count(Answer::NotYetChecked);
    assert!(text.matches("Not yet checked").count() >= unchecked);
    for label in [
        "Yes",
        "No",
        "N/A",
        "Evidence seen",
        "Checked 01/09/2026 by Siân Evans",
        "Completed by",
        "Provider representative",
        "Designated safeguarding lead or headteacher countersignature",
        "Name",
        "Role",
        "Signature",
        "Next QA review date",
        "01/09/2027",
        "Suitable with actions",
        "Share the low-level concerns policy",
        "Signed on 03/09/2026",
        "Page 1 of",
        "Printed 03/12/2026",
    ] {
        assert_contains(&text, label, "label");
    }
    for name in NAMES.iter().take(4) {
        assert_contains(&text, name, "name");
    }
    check_all(&path);
}

#[test]
fn a_long_note_flows_onto_the_next_page_under_its_item() {
    let (_keep, dir) = output_dir();
    let request = PrintRequest::Checklist {
        provider: FARM,
        checklist: Some(CHECKLIST),
    };
    let path = write(&dir, "checklist-long-note.pdf", &request);
    if !have("pdftotext") || !have("pdfinfo") {
        return;
    }
    let count = pages(&path);
    let start = (1..=count)
        .find(|p| page_text(&path, *p).contains(LONG_NOTE_START))
        .expect("the note starts somewhere");
    let end = (1..=count)
        .find(|p| flat(&page_text(&path, *p)).contains(LONG_NOTE_END))
        .expect("the note ends somewhere");
    assert!(end > start, "note on pages {start}..{end}");
    let next = flat(&page_text(&path, start + 1));
    assert!(
        next.contains("C5 Checks on record"),
        "item title repeated:\n{next}"
    );
    assert!(next.contains("(continued)"));
}

#[test]
fn blank_visit_sheet_has_every_item_and_the_sign_off() {
    let (_keep, dir) = output_dir();
    let request = PrintRequest::Blank {
        provider: FARM,
        template: None,
    };
    let path = write(&dir, "visit-sheet.pdf", &request);
    if !have("pdftotext") {
        return;
    }
    let text = flat(&text_of(&path));
    for item in default_template().sections.iter().flat_map(|s| &s.items) {
        assert_contains(&text, &item.text, "item text");
    }
    for label in [
        "St Aidan's Church of England Academy",
        "Hillside Farm Learning CIC",
        "Visit date",
        "Visited by",
        "Evidence seen",
        "Reference",
        "Note",
        "Actions arising",
        "Overall judgement",
        "Completed by",
        "Provider representative",
        "Designated safeguarding lead or headteacher countersignature",
        "Next QA review date",
    ] {
        assert_contains(&text, label, "label");
    }
    assert!(
        !text.contains("Not yet checked"),
        "a blank sheet has no answers"
    );
    check_all(&path);
}

#[test]
fn personalised_plan_prints_objectives_and_signatures() {
    let (_keep, dir) = output_dir();
    let request = PrintRequest::Plan {
        placement: PlacementId(3),
    };
    let path = write(&dir, "plan.pdf", &request);
    if !have("pdftotext") {
        return;
    }
    let text = flat(&text_of(&path));
    let plan = plan();
    for objective in &plan.objectives {
        assert_contains(&text, &objective.description, "objective");
    }
    for label in [
        "Zoë Brown",
        "Hillside Farm Learning CIC",
        "Farm: Hillside Farm, Moor Lane, Northby NB3 4QT",
        "Mon 09:00–15:00",
        "18.0 hours a week",
        "For the school",
        "For the provider",
        "Parent or carer",
        "Pupil",
        "Signature",
        "Łukasz Nowak",
        "Dafydd Ŵyn-Jones",
        &plan.intervention,
        &plan.reintegration,
    ] {
        assert_contains(&text, label, "plan");
    }
    check_all(&path);
}

#[test]
fn review_record_prints_progress_views_and_signatures() {
    let (_keep, dir) = output_dir();
    let request = PrintRequest::Review {
        placement: PlacementId(3),
        review: None,
    };
    let path = write(&dir, "review.pdf", &request);
    if !have("pdftotext") {
        return;
    }
    let text = flat(&text_of(&path));
    for label in [
        "Review 2 of 2",
        "held on 01/12/2026",
        "Nguyễn Thị Mai",
        "Attend every planned session",
        "Progressing",
        "Met",
        "Not rated",
        "81.7%",
        "Zoë says the farm days are the best part of her week.",
        "Continue with changes",
        "Send the timetable for the fourth day",
        "10/02/2027",
        "Signature",
    ] {
        assert_contains(&text, label, "review");
    }
    check_all(&path);
}

#[test]
fn register_summary_lists_providers_and_placements() {
    let (_keep, dir) = output_dir();
    let path = write(&dir, "register.pdf", &PrintRequest::Register);
    if !have("pdftotext") {
        return;
    }
    let text = flat(&text_of(&path));
    for label in [
        "Hillside Farm Learning CIC",
        "Northby Pupil Referral Unit",
        "URN",
        "123987",
        "Unregistered",
        "Maintained school or PRU",
        "The Old Chapel, 2 Church Street, Northby NB1 2AB",
        "Anxiety-based school avoidance",
        "07/09/2026",
        "18.0",
        "01/09/2026",
        "Suitable with actions",
    ] {
        assert_contains(&text, label, "register");
    }
    for name in NAMES {
        assert_contains(&text, name, "name");
    }
    check_all(&path);
}

#[test]
fn the_fingerprint_is_stable_and_changes_with_the_content() {
    if !have("pdftotext") {
        return;
    }
    let (_keep, dir) = output_dir();
    let request = PrintRequest::Checklist {
        provider: FARM,
        checklist: None,
    };
    let fingerprint = |register: &Register, date: Date, name: &str| {
        let path = dir.join(name);
        let bytes = render(register, &request, date).expect("renders");
        std::fs::write(&path, bytes).expect("written");
        let text = text_of(&path);
        let at = text.find("Fingerprint ").expect("footer") + "Fingerprint ".len();
        text[at..at + 8].to_owned()
    };
    let mut register = register();
    let first = fingerprint(&register, PRINTED_ON, "fp-1.pdf");
    assert_eq!(first, fingerprint(&register, date(2027, 1, 4), "fp-2.pdf"));
    let id = register.checklists[0].id;
    assert_eq!(checklist_fingerprint(&register, id).unwrap(), first);

    // Printed while complete, signed on paper, then marked signed with the
    // signatories' names and dates: the record still prints as the copy.
    let checklist = &mut register.checklists[0];
    checklist.status = ChecklistStatus::Complete;
    checklist.sign_off.completed_by = Signatory::default();
    let before_signing = fingerprint(&register, PRINTED_ON, "fp-complete.pdf");
    let checklist = &mut register.checklists[0];
    checklist.sign_off.completed_by = signatory("Zoë Ashworth", "AP lead");
    checklist.status = ChecklistStatus::Signed {
        on: date(2026, 9, 4),
        fingerprint: before_signing.clone(),
    };
    assert_eq!(
        fingerprint(&register, PRINTED_ON, "fp-signed.pdf"),
        before_signing
    );
    assert_eq!(changed_since_signed(&register).unwrap(), []);

    // What was found, edited after signing, shows.
    register.checklists[0].sections[0].items[0].note = "Edited after signing".into();
    let edited = fingerprint(&register, PRINTED_ON, "fp-3.pdf");
    assert_ne!(first, edited);
    assert_eq!(
        changed_since_signed(&register).unwrap(),
        [ChangedSinceSigned {
            checklist: id,
            signed: before_signing,
            now: edited,
        }]
    );
}

#[test]
fn missing_records_give_clear_errors() {
    let register = register();
    let error = |request: PrintRequest| {
        render(&register, &request, PRINTED_ON)
            .expect_err("should fail")
            .to_string()
    };
    let no_check = PrintRequest::Checklist {
        provider: PRU,
        checklist: None,
    };
    assert_eq!(error(no_check), "provider 2 has no completed checklist");
    let no_plan = PrintRequest::Plan {
        placement: PlacementId(5),
    };
    assert_eq!(error(no_plan), "placement 5 has no plan");
    let no_review = PrintRequest::Review {
        placement: PlacementId(3),
        review: Some(3),
    };
    assert_eq!(
        error(no_review),
        "placement 3 has 2 review(s); there is no review 3"
    );
    let wrong = PrintRequest::Checklist {
        provider: PRU,
        checklist: Some(CHECKLIST),
    };
    assert!(matches!(
        render(&register, &wrong, PRINTED_ON),
        Err(ReportError::WrongProvider { .. })
    ));
    assert_eq!(
        error(PrintRequest::Plan {
            placement: PlacementId(99)
        }),
        "placement 99 is not in the register"
    );
}

#[test]
fn awkward_text_stays_inside_the_margins() {
    let mut register = register();
    let url = format!(
        "https://example.org/{}",
        "very-long-path-segment".repeat(12)
    );
    register.providers[0].name = format!("{} {}", "Hillside Farm Learning".repeat(6), url);
    register.placements[0].reason = url.clone();
    register.placements[0].pupil.name = "Zoë\tBrown\u{7} 学校".into();
    let item = &mut register.checklists[0].sections[0].items[0];
    item.note = format!("{url}\n\n\nAfter blank lines.\r\nWindows line end.");
    item.evidence_reference = url;
    register.checklists[0].sign_off.completed_by.name = "Łukasz ".repeat(30);
    let (_keep, dir) = output_dir();
    let requests = [
        (
            "awkward-checklist.pdf",
            PrintRequest::Checklist {
                provider: FARM,
                checklist: None,
            },
        ),
        ("awkward-register.pdf", PrintRequest::Register),
        (
            "awkward-plan.pdf",
            PrintRequest::Plan {
                placement: PlacementId(3),
            },
        ),
    ];
    for (name, request) in requests {
        let bytes = render(&register, &request, PRINTED_ON).expect("renders");
        let path = dir.join(name);
        std::fs::write(&path, bytes).expect("written");
        if have("pdftotext") {
            check_margins(&path);
            let text = text_of(&path);
            assert!(!text.contains('学'), "a glyph the font lacks was printed");
        }
        check_qpdf(&path);
    }
}
