//! Preferences: recent files, zoom and theme. The only state kept in
//! eframe's storage; never any register content.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The storage key.
const KEY: &str = "ap-monitor-preferences";

/// How many recent files the File menu lists.
pub const RECENT_LIMIT: usize = 8;

/// Smallest and largest zoom.
const ZOOM_RANGE: (f32, f32) = (0.7, 2.0);

/// The user's preferences.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    /// Files opened or saved, newest first.
    pub recent_files: Vec<PathBuf>,
    /// Zoom factor of the whole window.
    pub zoom: f32,
    /// Dark colours instead of light.
    pub dark_mode: bool,
}

impl Default for Preferences {
    fn default() -> Self {
        Self {
            recent_files: Vec::new(),
            zoom: 1.0,
            dark_mode: false,
        }
    }
}

impl Preferences {
    /// Reads the preferences, or the defaults when there are none.
    pub fn load(storage: Option<&dyn eframe::Storage>) -> Self {
        let mut prefs: Self = storage
            .and_then(|s| eframe::get_value(s, KEY))
            .unwrap_or_default();
        prefs.zoom = prefs.zoom_clamped();
        prefs
    }

    /// Writes the preferences.
    pub fn store(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, KEY, self);
    }

    /// Puts `path` first in the recent files.
    pub fn remember(&mut self, path: &Path) {
        self.recent_files.retain(|p| p != path);
        self.recent_files.insert(0, path.to_path_buf());
        self.recent_files.truncate(RECENT_LIMIT);
    }

    /// Changes the zoom one step up (+1), down (-1) or back to 100% (0).
    pub fn step_zoom(&mut self, step: i8) {
        self.zoom = match step {
            0 => 1.0,
            s if s > 0 => self.zoom + 0.1,
            _ => self.zoom - 0.1,
        };
        self.zoom = self.zoom_clamped();
    }

    fn zoom_clamped(&self) -> f32 {
        if self.zoom.is_finite() {
            self.zoom.clamp(ZOOM_RANGE.0, ZOOM_RANGE.1)
        } else {
            1.0
        }
    }
}
