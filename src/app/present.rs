//! Presentation mode for the projector: slides in turn, paged so nothing is cut off. How many
//! pages a slide has at this size is what the last frame found (see `layout`).

use super::{Action, App, Effect};
use chrono::{DateTime, FixedOffset};

/// Default seconds between slides.
pub const DEFAULT_INTERVAL: u64 = 15;

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

impl App {
    /// The slides of this board: overview, changes, trend, each phase, units, overdue.
    pub fn slides(&self) -> Vec<Slide> {
        let mut v = vec![Slide::Overview, Slide::Changes, Slide::Trend];
        v.extend((0..self.board.phases.len()).map(Slide::Phase));
        v.extend([Slide::Units, Slide::Overdue]);
        v
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
        // A page beyond the last (the "last page" of a slide not drawn yet) is its last one.
        let pages = self.slide_pages();
        let (mut slide, mut page) = (p.slide.min(slides.len() - 1), p.page.min(pages - 1));
        if forward {
            if page + 1 < pages {
                page += 1;
            } else {
                slide = (slide + 1) % slides.len();
                page = 0;
            }
        } else if page > 0 {
            page -= 1;
        } else {
            // Its last page, whichever that is once drawn.
            slide = (slide + slides.len() - 1) % slides.len();
            page = usize::MAX;
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

    /// Runs an action of the presentation mode.
    pub(super) fn present_command(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::NextSlide => self.step(true),
            Action::PrevSlide => self.step(false),
            Action::Pause => {
                let now = self.now;
                if let Some(p) = self.present.as_mut() {
                    p.paused = !p.paused;
                    p.since = now;
                }
            }
            Action::Leave => {
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
