//! The staged sets and the keep list, read while the export loads.

use crate::model::{Invitation, Person};
use crate::store::staged::{StagedSet, StagedStore};
use crate::store::{DataDir, StoreError};

/// The staged sets and the keep list as last saved, each with its store.
pub(super) struct StagedFiles {
    pub staged: (StagedStore<Person>, StagedSet<Person>),
    pub invitations: (StagedStore<Invitation>, StagedSet<Invitation>),
    pub kept: (StagedStore<Person>, StagedSet<Person>),
}

impl StagedFiles {
    pub fn load(data_dir: &DataDir) -> Result<StagedFiles, StoreError> {
        Ok(StagedFiles {
            staged: StagedStore::load(&data_dir.staged_path("connections"))?,
            invitations: StagedStore::load(&data_dir.staged_path("invitations"))?,
            kept: StagedStore::load(&data_dir.kept_path())?,
        })
    }
}
