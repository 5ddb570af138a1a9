//! A pick from a list narrowed by typing: the form's phase and unit fields, the filter menu.

use super::LineEdit;

/// A pick from a list, narrowed by typing.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    /// Options: (id, label).
    pub options: Vec<(String, String)>,
    /// What has been typed to narrow the options.
    pub filter: LineEdit,
    /// Highlighted row among the narrowed options.
    pub highlight: usize,
    /// Chosen ids (at most one unless `multi`).
    pub chosen: Vec<String>,
    /// Whether several can be chosen.
    pub multi: bool,
    /// Whether typed text that matches no option is taken as a new value (units of a board
    /// without a units list are free text).
    pub free: bool,
}

impl Choice {
    /// A choice among `options` with `chosen` preselected.
    pub fn new(options: Vec<(String, String)>, chosen: Vec<String>, multi: bool) -> Choice {
        let highlight = chosen
            .first()
            .and_then(|c| options.iter().position(|(id, _)| id == c))
            .unwrap_or(0);
        Choice {
            options,
            filter: LineEdit::default(),
            highlight,
            chosen,
            multi,
            free: false,
        }
    }

    /// The typed text, when free text is allowed and no option matches it.
    fn typed_new(&self) -> Option<String> {
        let typed = self.filter.text().trim().to_string();
        (self.free && !typed.is_empty() && self.visible().is_empty()).then_some(typed)
    }

    /// Indices of the options matching what has been typed.
    pub fn visible(&self) -> Vec<usize> {
        let q = self.filter.text().to_lowercase();
        self.options
            .iter()
            .enumerate()
            .filter(|(_, (id, label))| {
                q.is_empty() || label.to_lowercase().contains(&q) || id.to_lowercase().contains(&q)
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The option under the highlight.
    pub fn highlighted(&self) -> Option<usize> {
        self.visible().get(self.highlight).copied()
    }

    /// Moves the highlight; a single choice follows it.
    pub fn step(&mut self, down: bool) {
        let n = self.visible().len();
        if n == 0 {
            return;
        }
        self.highlight = if down {
            (self.highlight + 1).min(n - 1)
        } else {
            self.highlight.saturating_sub(1)
        };
        self.follow();
    }

    /// After typing: keeps the highlight in range and, for a single choice, chooses it.
    pub fn follow(&mut self) {
        let n = self.visible().len();
        self.highlight = self.highlight.min(n.saturating_sub(1));
        if !self.multi {
            if let Some(i) = self.highlighted() {
                self.chosen = vec![self.options[i].0.clone()];
            } else if let Some(typed) = self.typed_new() {
                self.chosen = vec![typed];
            }
        }
    }

    /// Adds or removes the highlighted option (multi choice).
    pub fn toggle(&mut self) {
        if let Some(typed) = self.typed_new() {
            if !self.chosen.contains(&typed) {
                self.chosen.push(typed);
            }
            self.filter.clear();
        } else if let Some(i) = self.highlighted() {
            let id = self.options[i].0.clone();
            if let Some(p) = self.chosen.iter().position(|c| *c == id) {
                self.chosen.remove(p);
            } else {
                self.chosen.push(id);
            }
        }
    }

    /// Chooses what was typed and not yet chosen with Enter: the option it names exactly, or (on
    /// a board without a units list) the typed name itself. The typed text is then cleared.
    pub fn take_typed(&mut self) {
        let typed = self.filter.text().trim().to_string();
        if typed.is_empty() {
            return;
        }
        let exact = self
            .options
            .iter()
            .find(|(id, label)| *id == typed || *label == typed)
            .map(|(id, _)| id.clone());
        let Some(id) = exact.or_else(|| self.free.then_some(typed)) else {
            return;
        };
        if !self.chosen.contains(&id) {
            self.chosen.push(id);
        }
        self.filter.clear();
        self.highlight = 0;
    }

    /// Labels of the chosen options, joined.
    pub fn chosen_labels(&self, sep: &str) -> String {
        self.chosen
            .iter()
            .map(|c| {
                self.options
                    .iter()
                    .find(|(id, _)| id == c)
                    .map_or(c.as_str(), |(_, l)| l.as_str())
            })
            .collect::<Vec<_>>()
            .join(sep)
    }
}
