//! The interactive board's state, and the one place it changes: [`update`].

mod action;
mod choice;
mod clash;
mod confirm;
mod derived;
mod details;
mod edit;
mod editor;
mod extend;
mod filter;
mod filters;
mod form;
mod form_check;
mod input;
mod journal;
mod layout;
mod list;
mod live;
mod marks;
mod message;
mod notices;
mod popup;
mod present;
mod prompt;
mod requests;
mod trail;
mod units;
mod update;
mod views;

pub use action::{Action, EditorFailure, Effect, Key, SaveDone, SaveFailure};
pub use choice::Choice;
pub use clash::ClashAsk;
pub use confirm::Confirm;
pub use derived::{Derived, Figures};
pub use details::{Details, Help};
pub use edit::Edit;
pub use extend::{extension_refusal, ExtendPrompt};
pub use filter::{FilterItem, FilterMenu};
pub use filters::{Filters, Matcher};
pub use form::{labels as form_labels, Form, FormField};
pub use form_check::date_error;
pub use input::LineEdit;
pub use journal::Unwritten;
pub use layout::Layout;
pub use list::{latest, ListColumn, ListState};
pub use marks::{Batch, Skip};
pub use message::Message;
pub use popup::Popup;
pub use present::{Present, Slide, DEFAULT_INTERVAL};
pub use prompt::{NotePrompt, SaveAsPrompt, SinceError, SincePrompt};
pub use units::{sort_units, UnitSort, UnitsState};
pub use update::update;

use crate::keymap::{Keymap, Mode};
use crate::model::{same_id, Board, Lang, Short};
use crate::store::DiskStamp;
use chrono::{DateTime, FixedOffset, NaiveDate};
use std::path::PathBuf;
use std::sync::Arc;

/// Days before today that changes are counted from unless another date is set.
pub const SINCE_DAYS: u64 = 7;

/// Which way of looking at the board is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// One phase as columns of cards.
    #[default]
    Kanban,
    /// One row per lead unit.
    Units,
    /// The campaign at a glance.
    Overview,
    /// Every task across phases, in one sortable table.
    List,
}

impl View {
    /// The view after this one (`v`).
    pub fn next(self) -> View {
        match self {
            View::Kanban => View::Units,
            View::Units => View::Overview,
            View::Overview => View::List,
            View::List => View::Kanban,
        }
    }
}

/// Done and total tasks, per phase and overall.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// Tasks in a done status.
    pub done: usize,
    /// All tasks.
    pub total: usize,
    /// (done, total) per phase, in board order.
    pub phases: Vec<(usize, usize)>,
}

impl Counts {
    /// Counts a board in one pass.
    pub fn of(board: &Board) -> Counts {
        let mut c = Counts {
            done: 0,
            total: board.tasks.len(),
            phases: vec![(0, 0); board.phases.len()],
        };
        let done: Vec<&str> = board
            .statuses
            .iter()
            .filter(|s| s.done)
            .map(|s| s.id.as_str())
            .collect();
        for t in &board.tasks {
            let is_done = done.iter().any(|d| same_id(d, &t.status));
            c.done += usize::from(is_done);
            if let Some(p) = board.phase_index(&t.phase) {
                c.phases[p].0 += usize::from(is_done);
                c.phases[p].1 += 1;
            }
        }
        c
    }

    /// Follows an edit instead of counting every task again: what it took away and put back.
    pub(super) fn follow(&mut self, board: &Board, changed: &[(&crate::model::Task, edit::Count)]) {
        for &(task, change) in changed {
            let done = board.is_done_status(&task.status);
            let phase = board.phase_index(&task.phase);
            let step = |n: &mut usize| match change {
                edit::Count::Added => *n += 1,
                edit::Count::Removed => *n = n.saturating_sub(1),
            };
            if done {
                step(&mut self.done);
            }
            if let Some(p) = phase.and_then(|p| self.phases.get_mut(p)) {
                if done {
                    step(&mut p.0);
                }
                step(&mut p.1);
            }
        }
        self.total = board.tasks.len();
    }
}

/// How the app was opened.
#[derive(Debug, Clone)]
pub struct Options {
    /// The day the board is seen on.
    pub today: NaiveDate,
    /// Who is recorded in the progress log.
    pub user: String,
    /// Interface language (the board's unless overridden).
    pub lang: Lang,
    /// Editing disabled.
    pub read_only: bool,
}

/// The whole state of the interactive board.
#[derive(Debug, Clone)]
pub struct App {
    /// The board being edited: shared with `base` until the first edit copies it, so a board
    /// that is only looked at (a meeting's screen) is held once, and once again after a save.
    pub board: Arc<Board>,
    /// Its file, if it has one.
    pub path: Option<PathBuf>,
    /// What the file held when loaded or last saved.
    pub disk: Option<DiskStamp>,
    /// The board as the file held it then (`disk`): a save replays my changes since it onto
    /// whatever the file holds now. None when unknown (restored from a recovery file made on
    /// another version), and then a save refuses to overwrite a changed file.
    pub base: Option<std::sync::Arc<Board>>,
    /// Whether the file has comments that the user has not agreed to drop: a save that cannot
    /// edit the file in place then asks first.
    pub has_comments: bool,
    /// How the app was opened.
    pub opts: Options,
    /// The current time, set by the event loop before each action (fixed in tests).
    pub now: DateTime<FixedOffset>,
    /// The view shown.
    pub view: View,
    /// Index of the phase shown.
    pub phase: usize,
    /// Selected column (status index).
    pub col: usize,
    /// Selected row in each column.
    pub rows: Vec<usize>,
    /// Task indices of each column of the current phase, filtered and sorted (kept up to date by `refresh`).
    pub columns: Vec<Vec<usize>>,
    /// Search and filters.
    pub filters: Filters,
    /// The by-unit view.
    pub units: UnitsState,
    /// The task list.
    pub list: ListState,
    /// Ids of the tasks marked for a batch change.
    pub marks: std::collections::BTreeSet<Short>,
    /// Cards drawn one line each.
    pub compact: bool,
    /// Lines the overview is scrolled.
    pub overview_scroll: u16,
    /// Counts every action that may change the board, so figures worked out from it are
    /// known to be current.
    pub generation: u64,
    /// The overview's figures for the current generation.
    pub derived: Derived,
    /// The date changes are counted from ("since the last meeting"; `S` sets it).
    pub since: NaiveDate,
    /// The running presentation, if any.
    pub present: Option<Present>,
    /// The search being typed, while the search prompt is open.
    pub searching: Option<LineEdit>,
    /// The open popup.
    pub popup: Option<Popup>,
    /// The last message for the footer.
    pub message: Option<Message>,
    /// A warning that stays on the footer (keys.toml could not be used).
    pub warning: Option<Message>,
    /// The keys in force.
    pub keys: Arc<Keymap>,
    /// What the last frame drew, for paging and scrolling.
    pub layout: Layout,
    /// The undo history nets out to the board as loaded or saved (kept up to date by
    /// `board_changed`), so it is not unsaved.
    netted: bool,
    /// Changes that can be undone, newest last, each with a serial number.
    pub undo: Vec<(u64, Edit)>,
    /// Changes that can be redone.
    pub redo: Vec<(u64, Edit)>,
    /// Serial of the newest change that is saved (0: the loaded state).
    pub clean: u64,
    /// Next serial number for a change.
    pub serial: u64,
    /// Terminal size, as last reported.
    pub size: (u16, u16),
    /// Done and total per phase and overall (kept up to date by `refresh`).
    pub counts: Counts,
    /// Set when the app should end.
    pub quit: bool,
    /// Quit once the running save succeeds.
    pub quit_after_save: bool,
    /// This session's number in recovery-file names (the process id), so two windows of one
    /// user keep separate unsaved work.
    pub session: u32,
    /// What the recovery file still lacks.
    pub recovery: Unwritten,
}

impl App {
    /// A new app on `board`, opened on the phase containing today and the first card.
    pub fn new(
        board: impl Into<Arc<Board>>,
        path: Option<PathBuf>,
        disk: Option<DiskStamp>,
        opts: Options,
    ) -> App {
        let board: Arc<Board> = board.into();
        let phase = board.phase_on(opts.today).unwrap_or(0);
        let since = opts.today - chrono::Days::new(SINCE_DAYS);
        // China Standard Time until the event loop sets the real clock.
        let cst = FixedOffset::east_opt(8 * 3600)
            .unwrap_or(FixedOffset::east_opt(0).expect("zero offset is valid"));
        let now = opts
            .today
            .and_hms_opt(9, 0, 0)
            .unwrap_or_default()
            .and_local_timezone(cst)
            .single()
            .unwrap_or_default();
        let mut app = App {
            rows: vec![0; board.statuses.len()],
            base: disk.map(|_| Arc::clone(&board)),
            board,
            path,
            disk,
            has_comments: false,
            opts,
            now,
            view: View::Kanban,
            phase,
            col: 0,
            columns: Vec::new(),
            filters: Filters::default(),
            units: UnitsState::default(),
            list: ListState::default(),
            marks: Default::default(),
            compact: false,
            overview_scroll: 0,
            generation: 0,
            derived: Derived::default(),
            since,
            present: None,
            searching: None,
            popup: None,
            message: None,
            warning: None,
            keys: Keymap::shared(),
            layout: Layout::default(),
            netted: false,
            undo: Vec::new(),
            redo: Vec::new(),
            clean: 0,
            serial: 0,
            size: (80, 24),
            counts: Counts::default(),
            quit: false,
            quit_after_save: false,
            session: std::process::id(),
            recovery: Unwritten {
                whole: true,
                ..Unwritten::default()
            },
        };
        app.board_changed();
        app.col = app.columns.iter().position(|c| !c.is_empty()).unwrap_or(0);
        app
    }

    /// The interface language.
    pub fn lang(&self) -> Lang {
        self.opts.lang
    }

    /// The mode keys are read in: the presentation, the open popup or prompt, or the view.
    pub fn mode(&self) -> Mode {
        if self.present.is_some() {
            return Mode::Present;
        }
        if let Some(p) = &self.popup {
            return p.mode();
        }
        if self.searching.is_some() {
            return Mode::Search;
        }
        match self.view {
            View::Kanban => Mode::Board,
            View::Units => Mode::Units,
            View::Overview => Mode::Overview,
            View::List => Mode::List,
        }
    }

    /// Whether there are changes not yet saved: the history since the last save does not net out.
    pub fn dirty(&self) -> bool {
        self.undo.last().map_or(0, |(s, _)| *s) != self.clean && !self.netted
    }

    /// Recounts and recomputes everything derived from the board; call after the board changes.
    pub fn board_changed(&mut self) {
        self.prune_marks();
        self.measure_ids();
        self.counts = Counts::of(&self.board);
        self.netted = self.nets_out();
        self.refresh();
    }

    /// Recomputes what the current view lists; call after anything that changes it.
    pub fn refresh(&mut self) {
        match self.view {
            View::Units => self.refresh_units(),
            View::List => self.refresh_list(),
            View::Kanban | View::Overview => self.refresh_columns(),
        }
    }

    /// Task indices of phase `p` per status, sorted by effective deadline then file order.
    pub fn phase_columns(&self, p: usize, filtered: bool) -> Vec<Vec<usize>> {
        let mut cols: Vec<Vec<usize>> = vec![Vec::new(); self.board.statuses.len()];
        let matcher = self.matcher();
        if let Some(phase) = self.board.phases.get(p) {
            for (i, t) in self.board.tasks.iter().enumerate() {
                if same_id(&t.phase, &phase.id) && (!filtered || matcher.keeps(t)) {
                    if let Some(s) = self.board.status_index(&t.status) {
                        cols[s].push(i);
                    }
                }
            }
        }
        // Each card's key is looked up once, not at every comparison of the sort.
        let tasks = &self.board.tasks;
        for c in &mut cols {
            let mut keyed: Vec<_> = c
                .iter()
                .map(|&i| {
                    let d = tasks[i].effective_deadline();
                    ((d.is_none(), d), i)
                })
                .collect();
            keyed.sort_unstable();
            *c = keyed.into_iter().map(|(_, i)| i).collect();
        }
        cols
    }

    /// Recomputes the kanban columns of the current phase.
    fn refresh_columns(&mut self) {
        let n = self.board.statuses.len();
        let cols = self.phase_columns(self.phase, true);
        self.columns = cols;
        self.rows.resize(n, 0);
        self.col = self.col.min(n.saturating_sub(1));
        for (r, c) in self.rows.iter_mut().zip(&self.columns) {
            *r = (*r).min(c.len().saturating_sub(1));
        }
    }

    /// Index of the selected task: the kanban card, or the task in an open unit's list.
    pub fn selected(&self) -> Option<usize> {
        match self.view {
            View::Kanban => self
                .columns
                .get(self.col)?
                .get(*self.rows.get(self.col)?)
                .copied(),
            View::Units if self.units.open.is_some() => {
                self.units.tasks.get(self.units.task_row).copied()
            }
            View::List => self.list.tasks.get(self.list.row).copied(),
            View::Units | View::Overview => None,
        }
    }

    /// Selects the task with index `task` if it is shown.
    pub fn select_task(&mut self, task: usize) {
        if let Some(r) = self.units.tasks.iter().position(|&i| i == task) {
            self.units.task_row = r;
        }
        self.select_in_list(task);
        for (c, col) in self.columns.iter().enumerate() {
            if let Some(r) = col.iter().position(|&i| i == task) {
                self.col = c;
                self.rows[c] = r;
            }
        }
    }
}
