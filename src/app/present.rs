//! Presentation mode for the projector: slides in turn, paged so nothing is cut off.
//!
//! The page arithmetic lives here, beside the state, and the drawing code uses the same
//! capacities, so "next" knows how many pages a slide has without asking the screen.

use super::{App, Effect, Key};
use crate::model::facts::{tasks_with_light, Light, Summary};
use crate::model::since::Changes;
use chrono::{DateTime, FixedOffset};

/// Default seconds between slides.
pub const DEFAULT_INTERVAL: u64 = 15;
/// Rows above the slide body (title bar, slide heading) and below it (keys).
pub const CHROME_ROWS: u16 = 3;
/// Lines one kanban card takes.
pub const CARD_ROWS: u16 = 4;

/// One slide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slide {
    /// Key figures and the phase timeline.
    Overview,
    /// What changed since the last meeting.
    Changes,
    /// Completion over time and tasks finished per week.
    Trend,
    /// One phase's kanban.
    Phase(usize),
    /// The by-unit table.
    Units,
    /// The overdue list.
    Overdue,
}

/// The state of a running presentation.
#[derive(Debug, Clone, PartialEq)]
pub struct Present {
    /// Index into the slide list.
    pub slide: usize,
    /// Page within the slide.
    pub page: usize,
    /// Auto-advance stopped.
    pub paused: bool,
    /// Seconds between slides.
    pub interval: u64,
    /// When the current page was shown.
    pub since: DateTime<FixedOffset>,
    /// Leaving ends the program (`ducha present`) rather than returning to the board.
    pub standalone: bool,
}

/// Rows of the key-figure boxes on the overview slide for a screen size.
pub fn figure_rows(size: (u16, u16)) -> u16 {
    if size.1 >= 40 && size.0 >= 150 {
        10
    } else {
        6
    }
}

/// Items per page of a slide at a screen size.
pub fn capacity(slide: Slide, size: (u16, u16)) -> usize {
    let body = size.1.saturating_sub(CHROME_ROWS);
    let n = match slide {
        // Figures, three gauge lines, a blank, the axis line and today's marker line.
        Slide::Overview => body.saturating_sub(figure_rows(size) + 6),
        // Column borders and the two scroll-marker lines, then cards.
        Slide::Phase(_) => body.saturating_sub(4) / CARD_ROWS,
        // Borders and a header row.
        Slide::Units | Slide::Overdue => body.saturating_sub(3),
        // Borders, then one line each.
        Slide::Changes | Slide::Trend => body.saturating_sub(2),
    };
    usize::from(n).max(1)
}

impl App {
    /// The slides of this board: overview, changes, trend, each phase, units, overdue.
    pub fn slides(&self) -> Vec<Slide> {
        let mut v = vec![Slide::Overview, Slide::Changes, Slide::Trend];
        v.extend((0..self.board.phases.len()).map(Slide::Phase));
        v.extend([Slide::Units, Slide::Overdue]);
        v
    }

    /// How many items a slide shows in all.
    fn slide_items(&self, slide: Slide) -> usize {
        let b = &self.board;
        let today = self.opts.today;
        match slide {
            Slide::Overview => b.phases.len(),
            Slide::Phase(p) => {
                let id = b.phases.get(p).map(|x| x.id.as_str()).unwrap_or("");
                b.statuses
                    .iter()
                    .map(|s| {
                        b.tasks
                            .iter()
                            .filter(|t| t.phase == id && t.status == s.id)
                            .count()
                    })
                    .max()
                    .unwrap_or(0)
            }
            Slide::Units => Summary::of(b, today, |_| true)
                .units
                .iter()
                .filter(|u| u.tally.total > 0)
                .count(),
            Slide::Overdue => tasks_with_light(b, today, Light::Red, |_| true).len(),
            // A heading per list, then one line per entry.
            Slide::Changes => {
                let c = Changes::of(b, self.since, today, |_| true);
                5 + c.finished.len()
                    + c.newly_overdue.len()
                    + c.extended.len()
                    + c.silent.len()
                    + c.new_tasks.len()
            }
            Slide::Trend => 1,
        }
    }

    /// Pages of a slide at the current size.
    pub fn slide_pages(&self, slide: Slide) -> usize {
        self.slide_items(slide)
            .div_ceil(capacity(slide, self.size))
            .max(1)
    }

    /// Starts presenting from the overview.
    pub fn start_presenting(&mut self, interval: u64, standalone: bool) {
        self.present = Some(Present {
            slide: 0,
            page: 0,
            paused: false,
            interval: interval.max(1),
            since: self.now,
            standalone,
        });
        self.popup = None;
        self.searching = None;
    }

    /// Steps one page forward or back, moving to the next or previous slide at the ends.
    fn step(&mut self, forward: bool) {
        let slides = self.slides();
        let Some(p) = self.present.as_ref() else {
            return;
        };
        let (mut slide, mut page) = (p.slide.min(slides.len() - 1), p.page);
        let pages = self.slide_pages(slides[slide]);
        if forward {
            if page + 1 < pages {
                page += 1;
            } else {
                slide = (slide + 1) % slides.len();
                page = 0;
            }
        } else if page > 0 {
            page = page.min(pages) - 1;
        } else {
            slide = (slide + slides.len() - 1) % slides.len();
            page = self.slide_pages(slides[slide]) - 1;
        }
        let now = self.now;
        if let Some(p) = self.present.as_mut() {
            (p.slide, p.page, p.since) = (slide, page, now);
        }
    }

    /// Advances when the interval has passed (called about once a second).
    pub(super) fn tick(&mut self) {
        let due = self
            .present
            .as_ref()
            .is_some_and(|p| !p.paused && (self.now - p.since).num_seconds() >= p.interval as i64);
        if due {
            self.step(true);
        }
    }

    /// Handles a key while presenting.
    pub(super) fn present_key(&mut self, key: Key) -> Vec<Effect> {
        match key {
            Key::Right
            | Key::Down
            | Key::PageDown
            | Key::Enter
            | Key::Char('l')
            | Key::Char('j')
            | Key::Char('n') => self.step(true),
            Key::Left
            | Key::Up
            | Key::PageUp
            | Key::Char('h')
            | Key::Char('k')
            | Key::Char('b') => self.step(false),
            Key::Char(' ') | Key::Char('p') => {
                let now = self.now;
                if let Some(p) = self.present.as_mut() {
                    p.paused = !p.paused;
                    p.since = now;
                }
            }
            Key::Esc | Key::Char('q') | Key::Char('P') => {
                if self.present.take().is_some_and(|p| p.standalone) {
                    self.quit = true;
                    return vec![Effect::Quit];
                }
                self.refresh();
            }
            _ => {}
        }
        Vec::new()
    }
}
