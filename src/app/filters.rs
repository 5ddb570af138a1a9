//! The search and filters: what narrows the cards, units and tasks shown.

use super::{App, LineEdit};
use crate::model::facts::Light;
use crate::model::Task;

/// What narrows the cards shown.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    /// Search text (title, id, units, category, progress notes, unknown keys).
    pub search: String,
    /// Only this lead unit.
    pub lead: Option<String>,
    /// Only this light.
    pub light: Option<Light>,
    /// Only this category.
    pub category: Option<String>,
}

impl Filters {
    /// Whether anything is narrowed.
    pub fn active(&self) -> bool {
        !self.search.is_empty()
            || self.lead.is_some()
            || self.light.is_some()
            || self.category.is_some()
    }
}

/// Whether `hay` contains `needle` (already lowercase), ignoring ASCII case, without allocating
/// for text that has no capitals (all Chinese text).
pub(super) fn contains_ci(hay: &str, needle: &str) -> bool {
    if hay.bytes().any(|b| b.is_ascii_uppercase()) {
        hay.to_ascii_lowercase().contains(needle)
    } else {
        hay.contains(needle)
    }
}

/// The search and filters of an app, prepared for testing tasks.
pub struct Matcher<'a> {
    app: &'a App,
    query: String,
    units: Vec<&'a str>,
}

impl Matcher<'_> {
    /// Whether the task passes: filters, then the search in title, id, units, category, the
    /// progress notes and the keys this program does not know (what offices add of their own).
    pub fn keeps(&self, t: &Task) -> bool {
        let (app, f) = (self.app, &self.app.filters);
        if f.lead.as_ref().is_some_and(|l| t.lead != l)
            || f.category
                .as_ref()
                .is_some_and(|c| t.category.as_deref() != Some(c.as_str()))
            || f.light
                .is_some_and(|l| app.board.light(t, app.opts.today) != l)
        {
            return false;
        }
        let q = self.query.as_str();
        q.is_empty()
            || contains_ci(&t.title, q)
            || contains_ci(&t.id, q)
            || contains_ci(&t.lead, q)
            || self.units.contains(&t.lead.as_str())
            || t.partners
                .iter()
                .any(|p| self.units.contains(&p.as_str()) || contains_ci(p, q))
            || t.category.as_deref().is_some_and(|c| contains_ci(c, q))
            || t.progress.iter().any(|p| contains_ci(&p.note, q))
            || t.extra
                .0
                .iter()
                .any(|(k, v)| contains_ci(k, q) || contains_ci(&v.one_line(), q))
    }
}

impl App {
    /// Whether a task passes the search and filters (prepare a [`Matcher`] to test many).
    pub fn matches(&self, t: &Task) -> bool {
        self.matcher().keeps(t)
    }

    /// The search and filters, prepared once for testing many tasks.
    pub fn matcher(&self) -> Matcher<'_> {
        let typed = self.searching.as_ref().map(LineEdit::text);
        let query = typed
            .as_deref()
            .unwrap_or(&self.filters.search)
            .trim()
            .to_ascii_lowercase();
        let units = self
            .board
            .units
            .iter()
            .filter(|u| {
                !query.is_empty() && (contains_ci(&u.name, &query) || contains_ci(&u.id, &query))
            })
            .map(|u| u.id.as_str())
            .collect();
        Matcher {
            app: self,
            query,
            units,
        }
    }
}
