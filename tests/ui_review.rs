//! Adding a review through the window, as a pastoral lead would: from the
//! overdue item in Needs attention, through the review form, and back.

mod ui_common;

use ap_monitor::model::dates::format_date;
use ap_monitor::ui::{Command, PlacementTab, Screen};
use egui_kittest::kittest::Queryable;
use ui_common::*;

#[test]
fn a_review_added_through_the_form_clears_its_overdue_item() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&sample_file(dir.path()));
    let (pupil, reason) = overdue_review(harness.state().document().register());

    // The start page lists the overdue review; its button opens the
    // placement at the Reviews tab.
    assert_eq!(harness.state().view().screen, Screen::Attention);
    assert!(
        harness.query_all_by_label(&reason).count() > 0,
        "the overdue review is listed"
    );
    assert!(
        harness
            .query_by_label(&format!("Open {pupil}: Review"))
            .is_some()
    );
    click(&mut harness, &format!("Open {pupil}: Review"));
    let id = match harness.state().view().screen {
        Screen::Placement(id) => id,
        other => panic!("expected the placement, got {other:?}"),
    };
    let before = harness
        .state()
        .document()
        .register()
        .placement(id)
        .unwrap()
        .reviews
        .len();

    click(&mut harness, "New review");
    fill(&mut harness, "Attendee 1 name", "Daniel Whitworth");
    fill(&mut harness, "Sessions possible", "40");
    fill(&mut harness, "Sessions attended", "36");
    choose(&mut harness, "Rating for objective 1", "Met");
    choose(&mut harness, "Rating for objective 2", "Progressing");
    click(&mut harness, "Add review");

    let placement = harness
        .state()
        .document()
        .register()
        .placement(id)
        .unwrap()
        .clone();
    assert_eq!(placement.reviews.len(), before + 1);
    let review = placement.latest_review().unwrap();
    assert_eq!(review.sessions_attended, Some(36));
    assert_eq!(review.attendees[0].name, "Daniel Whitworth");
    let ratings: Vec<_> = review.progress.iter().map(|p| p.rating.label()).collect();
    assert_eq!(ratings[..2], ["Met", "Progressing"]);
    assert!(harness.state().document().is_dirty());

    harness.get_by_label_contains("Needs attention (").click();
    harness.run();
    assert_eq!(harness.state().view().screen, Screen::Attention);
    let open_review = format!("Open {pupil}: Review");
    assert!(
        harness.query_by_label(&open_review).is_none(),
        "the overdue review is still listed"
    );
}

#[test]
fn an_impossible_date_is_shown_beside_its_field_and_nothing_is_applied() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&sample_file(dir.path()));
    let (pupil, _) = overdue_review(harness.state().document().register());
    click(&mut harness, &format!("Open {pupil}: Review"));
    let reviews = |h: &egui_kittest::Harness<'_, ap_monitor::ui::App>| {
        h.state()
            .document()
            .register()
            .placements
            .iter()
            .map(|p| p.reviews.len())
            .sum::<usize>()
    };
    let before = reviews(&harness);

    click(&mut harness, "New review");
    fill(&mut harness, "Date", "31/02/2027");
    click(&mut harness, "Add review");

    harness.get_by_label("Problem: There is no 31 February 2027: February 2027 has 28 days");
    harness.get_by_label("1 field needs correcting; nothing was changed");
    assert_eq!(reviews(&harness), before);
    assert!(!harness.state().document().is_dirty());
    assert!(!harness.state().document().can_undo());

    // What was typed survives a trip to another tab and back.
    click(&mut harness, "Overview");
    click(&mut harness, "Reviews *");
    assert_eq!(
        harness.get_by_label("Date").value().as_deref(),
        Some("31/02/2027")
    );
}

#[test]
fn each_reviews_delete_button_is_named_for_its_own_review() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&sample_file(dir.path()));
    let placement = harness
        .state()
        .document()
        .register()
        .placements
        .iter()
        .find(|p| {
            p.reviews.len() >= 2
                && p.reviews[0].date.is_some()
                && p.reviews[1].date.is_some()
                && p.reviews[0].date != p.reviews[1].date
        })
        .expect("a placement with two dated reviews");
    let id = placement.id;
    let (first, second) = (placement.reviews[0].clone(), placement.reviews[1].clone());
    harness
        .state_mut()
        .queue(Command::OpenPlacement(id, PlacementTab::Reviews));
    harness.run();

    // A screen reader hears which review each button deletes; the one
    // named for the second review deletes that one and no other.
    let date = |r: &ap_monitor::model::Review| format_date(r.date.unwrap());
    harness.get_by_label(&format!("Delete the review of {}", date(&first)));
    click(
        &mut harness,
        &format!("Delete the review of {}", date(&second)),
    );
    let reviews = &harness
        .state()
        .document()
        .register()
        .placement(id)
        .unwrap()
        .reviews;
    assert!(reviews.iter().any(|r| r.id == first.id));
    assert!(reviews.iter().all(|r| r.id != second.id));
}
