//! Registers built in code for the integration tests.

#![allow(dead_code, reason = "each test binary uses a different part")]

use ap_monitor::model::checklist;
use ap_monitor::model::*;
use jiff::civil::{date, time};

/// A register in which every field of every record type is filled, with
/// names that must survive every path (accents, quotes, newlines): the
/// version-1 register plus a signed QA checklist.
pub fn full_register() -> Register {
    let mut register = full_register_v1();
    let template = register.add_template(checklist::default_template());
    let Some(id) = register.start_checklist(template, ProviderId(1)) else {
        panic!("the default template was just added");
    };
    let Some(checklist) = register.checklists.iter_mut().find(|c| c.id == id) else {
        panic!("the checklist was just started");
    };
    fill_checklist(checklist);
    register
}

fn fill_checklist(checklist: &mut checklist::Checklist) {
    use checklist::{Answer, ChecklistStatus, Judgement, Signatory};

    checklist.site = Some(SiteId(2));
    checklist.placements = vec![PlacementId(4)];
    checklist.visit_date = Some(date(2026, 9, 1));
    checklist.visited_by = "Łukasz Kowalski".into();
    let Some(item) = checklist
        .sections
        .first_mut()
        .and_then(|s| s.items.first_mut())
    else {
        panic!("the default template has items");
    };
    item.answer = Answer::No;
    item.evidence_seen = true;
    item.evidence_reference = "Companies House extract 12345678".into();
    item.note = "Trading name differs: \"Wyn-Ŵyn Farm\"\nAsked for a letter".into();
    item.checked_on = Some(date(2026, 9, 1));
    item.checked_by = "Siân Evans".into();
    checklist.actions.push(Action {
        description: "Send the trading-name letter".into(),
        owner: "Nguyễn Văn An".into(),
        due: Some(date(2026, 9, 30)),
        done_on: None,
    });
    checklist.judgement = Judgement::SuitableWithActions;
    let signatory = |name: &str, role: &str| Signatory {
        name: name.into(),
        role: role.into(),
        date: Some(date(2026, 9, 2)),
    };
    checklist.sign_off.completed_by = signatory("Łukasz Kowalski", "AP lead");
    checklist.sign_off.provider_representative = signatory("Nguyễn Văn An", "Manager");
    checklist.sign_off.countersigned_by = signatory("Siân Evans", "DSL");
    checklist.next_qa = Some(date(2027, 9, 1));
    checklist.status = ChecklistStatus::Signed {
        on: date(2026, 9, 2),
        fingerprint: "0F1E2D3C".to_owned(),
    };
}

/// The register as version 1's golden file was written, before QA
/// checklists were added to the document.
pub fn full_register_v1() -> Register {
    let mut register = Register {
        school: school(),
        settings: settings(),
        calendar: calendar(),
        ..Register::default()
    };
    register.providers.push(full_provider());
    register.placements.push(full_placement());
    register.next_id = 100;
    register
}

fn school() -> School {
    School {
        name: "St Aidan's C of E High School".into(),
        urn: "107412".into(),
        local_authority: "Bradford".into(),
        dsl: "Siân Evans".into(),
        ap_lead: "Łukasz Kowalski".into(),
        address: "1 Church Lane\nBradford\nBD1 1AA".into(),
    }
}

fn settings() -> Settings {
    Settings {
        contact_interval_days: 10,
        full_time_hours: FullTimeHours {
            ks1: 21.0,
            ks2: 23.5,
            ks3: 24.5,
            ks4: 25.0,
        },
        retention_birthday: 25,
        retention_birthday_sen: 31,
    }
}

fn calendar() -> TermCalendar {
    TermCalendar {
        years: vec![AcademicYear {
            start_year: 2026,
            half_terms: vec![
                term((2026, 9, 2), (2026, 10, 23)),
                term((2026, 11, 2), (2026, 12, 18)),
                term((2027, 1, 4), (2027, 2, 12)),
                term((2027, 2, 22), (2027, 3, 26)),
                term((2027, 4, 12), (2027, 5, 28)),
                term((2027, 6, 7), (2027, 7, 21)),
            ],
        }],
    }
}

fn term(start: (i16, i8, i8), end: (i16, i8, i8)) -> HalfTerm {
    HalfTerm {
        start: date(start.0, start.1, start.2),
        end: date(end.0, end.1, end.2),
    }
}

fn full_provider() -> Provider {
    Provider {
        id: ProviderId(1),
        name: "Ffion Wyn-Ŵyn \"Farm\" School".into(),
        sites: vec![Site {
            id: SiteId(2),
            name: "Farm".into(),
            address: "Moor Lane\nOtley".into(),
        }],
        registration: Registration {
            status: RegistrationStatus::RegisteredIndependent,
            urn: "148123".into(),
            inspectorate: "Ofsted".into(),
            inspection_outcome: "Good".into(),
            inspected_on: Some(date(2025, 5, 14)),
        },
        contacts: vec![ProviderContact {
            name: "Nguyễn Văn An".into(),
            role: "Manager, DSL".into(),
            phone: "01943 000000".into(),
            email: "an@example.org".into(),
        }],
        on_la_approved_list: true,
        documents: vec![ProviderDocument {
            id: RecordId(3),
            kind: DocumentKind::EmployersLiability,
            title: "Policy EL-42 £10m".into(),
            seen_on: Some(date(2026, 9, 1)),
            expires_on: Some(date(2027, 8, 31)),
        }],
        notes: "Line one\nLine two with a comma, and a quote \"here\"".into(),
    }
}

fn full_placement() -> Placement {
    Placement {
        id: PlacementId(4),
        pupil: Pupil {
            name: "Zoë Ngozi Ọkọ́nkwọ́".into(),
            date_of_birth: Some(date(2012, 2, 29)),
            upn: "A123456789012".into(),
            year_group: 9,
            sen: SenStatus::Ehcp,
            looked_after: true,
            home_school_hours: 5.5,
        },
        commissioner: Commissioner::School,
        provider: ProviderId(1),
        sites: vec![SiteId(2)],
        reason: "Risk of permanent exclusion".into(),
        kind: PlacementKind::OffSiteDirection,
        start: Some(date(2026, 9, 7)),
        planned_end: Some(date(2027, 2, 12)),
        maximum_end: Some(date(2027, 3, 26)),
        sessions: vec![
            Session {
                day: Weekday::Mon,
                start: time(9, 0, 0, 0),
                end: time(15, 0, 0, 0),
            },
            Session {
                day: Weekday::Thu,
                start: time(9, 30, 0, 0),
                end: time(14, 45, 0, 0),
            },
        ],
        attendance_code: AttendanceCode::B,
        la_informed: LaNotification {
            on: Some(date(2026, 9, 1)),
            how: "Online form".into(),
        },
        status: PlacementStatus::Ended {
            on: date(2027, 2, 12),
            outcome: "Returned full time".into(),
            destination: Destination::HomeSchool,
        },
        plan: Some(full_plan()),
        reviews: vec![full_review()],
        contacts: vec![Contact {
            id: RecordId(7),
            date: Some(date(2026, 9, 14)),
            with: ContactWith::Parent,
            method: ContactMethod::Visit,
            summary: "Visited; settled well".into(),
            follow_up: "Call Friday".into(),
        }],
        attendance: vec![AttendanceReturn {
            id: RecordId(8),
            from: Some(date(2026, 9, 7)),
            to: Some(date(2026, 10, 23)),
            sessions_offered: 28,
            attended: 25,
            authorised_absences: 2,
            unauthorised_absences: 1,
        }],
    }
}

fn full_plan() -> PersonalisedPlan {
    PersonalisedPlan {
        intervention: "Land-based vocational programme".into(),
        needs: "SEMH; EHCP section F".into(),
        objectives: vec![Objective {
            id: ObjectiveId(5),
            area: ObjectiveArea::Attendance,
            description: "Attend every session".into(),
            baseline: "62%".into(),
            target: "90%".into(),
            measure: "Provider register".into(),
        }],
        assessment: "Weekly report".into(),
        curriculum: "English and maths GCSE route".into(),
        timeline: "Two days a week for one term".into(),
        direction_details: "Report to Mrs Ọkọ́nkwọ́ at reception".into(),
        reintegration: "Phased return after February half-term".into(),
        review_schedule: "Half-termly".into(),
        linked_plans: "EHCP, PEP".into(),
        reporting: "Absence by 9:30 each day".into(),
        school_contact: "Łukasz Kowalski".into(),
        provider_contact: "Nguyễn Văn An".into(),
        transport: "Taxi".into(),
        lunch: "FSM, provided on site".into(),
        written_by: "Provider".into(),
        agreed_on: Some(date(2026, 9, 3)),
        agreed_by: "Siân Evans".into(),
        parent_agreed: true,
        pupil_agreed: true,
    }
}

fn full_review() -> Review {
    Review {
        id: RecordId(6),
        date: Some(date(2026, 10, 20)),
        attendees: vec![Attendee {
            name: "Aoife Byrne".into(),
            role: AttendeeRole::ParentCarer,
        }],
        sessions_possible: Some(28),
        sessions_attended: Some(25),
        absence_follow_up: "Two illness, one chased".into(),
        progress: vec![ObjectiveProgress {
            objective: ObjectiveId(5),
            rating: Rating::Progressing,
            measure_now: "89%".into(),
            comment: "Nearly there".into(),
        }],
        wellbeing: "Calmer".into(),
        safeguarding_concerns: String::new(),
        pupil_views: "Likes the animals".into(),
        parent_views: "Happier".into(),
        decision: Decision::ContinueWithChanges,
        recommended_changes: "Add a third day".into(),
        next_steps: "Plan return".into(),
        actions: vec![Action {
            description: "Send timetable".into(),
            owner: "Nasir Ahmed".into(),
            due: Some(date(2026, 10, 30)),
            done_on: Some(date(2026, 10, 29)),
        }],
        next_review: Some(date(2026, 12, 10)),
    }
}
