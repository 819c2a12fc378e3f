//! Taking records out of the register.
//!
//! Deleting is for records entered by mistake: a placement that has
//! finished is ended, not deleted, so its history stays. Removal never
//! leaves a link pointing at nothing: a provider that placements or QA
//! checklists still name is refused, and a deleted placement is taken off
//! the checklists that covered it.

use super::{
    Checklist, ChecklistId, Placement, PlacementId, Provider, ProviderId, Register, words,
};

/// Why a provider cannot be deleted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RemoveProviderError {
    /// No provider has that id.
    #[error("the provider is not in the register")]
    NotFound,

    /// Records still name the provider.
    #[error(
        "{} and {} still name this provider; delete those first",
        words::count(*placements, "placement"),
        words::count(*checklists, "QA checklist")
    )]
    InUse {
        /// Placements at the provider.
        placements: usize,
        /// QA checklists of the provider.
        checklists: usize,
    },
}

impl Register {
    /// Removes a placement with its plan, reviews, contacts and returns,
    /// and takes it off every QA checklist. `None` if there is none.
    pub fn remove_placement(&mut self, id: PlacementId) -> Option<Placement> {
        let index = self.placements.iter().position(|p| p.id == id)?;
        for checklist in &mut self.checklists {
            checklist.placements.retain(|&p| p != id);
        }
        Some(self.placements.remove(index))
    }

    /// What stops provider `id` being deleted, if anything.
    pub fn provider_in_use(&self, id: ProviderId) -> Result<(), RemoveProviderError> {
        if self.provider(id).is_none() {
            return Err(RemoveProviderError::NotFound);
        }
        let placements = self.placements_at(id).count();
        let checklists = self.checklists_for(id).count();
        if placements + checklists > 0 {
            return Err(RemoveProviderError::InUse {
                placements,
                checklists,
            });
        }
        Ok(())
    }

    /// Removes a provider nothing refers to.
    pub fn remove_provider(&mut self, id: ProviderId) -> Result<Provider, RemoveProviderError> {
        self.provider_in_use(id)?;
        let index = self
            .providers
            .iter()
            .position(|p| p.id == id)
            .ok_or(RemoveProviderError::NotFound)?;
        Ok(self.providers.remove(index))
    }

    /// Removes a QA checklist. `None` if there is none.
    pub fn remove_checklist(&mut self, id: ChecklistId) -> Option<Checklist> {
        let index = self.checklists.iter().position(|c| c.id == id)?;
        Some(self.checklists.remove(index))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::generate;

    #[test]
    fn a_deleted_placement_leaves_no_checklist_pointing_at_it() {
        let mut register = generate(40, 3);
        let covered = register
            .checklists
            .iter()
            .find_map(|c| c.placements.first().copied())
            .expect("the sample's checklists cover placements");
        let before = register.placements.len();

        let removed = register.remove_placement(covered).map(|p| p.id);

        assert_eq!(removed, Some(covered));
        assert_eq!(register.placements.len(), before - 1);
        assert!(register.placement(covered).is_none());
        assert!(
            register
                .checklists
                .iter()
                .all(|c| !c.placements.contains(&covered))
        );
        assert!(register.problems().is_empty(), "{:?}", register.problems());
        assert_eq!(register.remove_placement(covered), None);
    }

    #[test]
    fn a_provider_in_use_is_refused_and_says_by_what() {
        let mut register = generate(40, 3);
        let provider = register.placements[0].provider;
        let placements = register.placements_at(provider).count();
        let checklists = register.checklists_for(provider).count();
        assert!(placements > 0);

        let err = register.remove_provider(provider).unwrap_err();

        assert_eq!(
            err,
            RemoveProviderError::InUse {
                placements,
                checklists
            }
        );
        assert!(err.to_string().contains(&format!("{placements} placement")));
        assert!(register.provider(provider).is_some());
    }

    #[test]
    fn a_provider_nothing_names_is_removed() {
        let mut register = generate(40, 3);
        let provider = register.placements[0].provider;
        let ids: Vec<PlacementId> = register.placements_at(provider).map(|p| p.id).collect();
        for id in ids {
            register.remove_placement(id);
        }
        register.checklists.retain(|c| c.provider != provider);

        let removed = register.remove_provider(provider).map(|p| p.id);

        assert_eq!(removed, Ok(provider));
        assert!(register.provider(provider).is_none());
        assert_eq!(
            register.remove_provider(provider).map(|p| p.id),
            Err(RemoveProviderError::NotFound)
        );
        assert!(register.problems().is_empty(), "{:?}", register.problems());
    }

    #[test]
    fn a_checklist_is_removed_alone() {
        let mut register = generate(40, 3);
        let id = register.checklists[0].id;
        let others = register.checklists.len() - 1;

        assert_eq!(register.remove_checklist(id).map(|c| c.id), Some(id));

        assert_eq!(register.checklists.len(), others);
        assert_eq!(register.remove_checklist(id).map(|c| c.id), None);
    }
}
