//! What the last frame drew that keys depend on. The ui reports it after every frame (as
//! television's `update_ui_state` does), so paging and scrolling follow the screen instead of
//! copying its arithmetic; until a first frame, a page is one line and scrolling has no end.

use super::App;

/// Sizes the ui found when it drew the last frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// Cards one kanban column shows at once.
    pub cards: usize,
    /// Rows the by-unit table, or an open unit's task list, shows at once.
    pub rows: usize,
    /// Lines the overview shows at once.
    pub lines: u16,
    /// How far the overview scrolls before its last line is on screen.
    pub overview_end: Option<u16>,
    /// Lines the open details or help show at once.
    pub popup_page: u16,
    /// How far they scroll before their last line is on screen.
    pub popup_end: Option<u16>,
    /// The slide drawn (its index) and how many pages it has at this size.
    pub slide: Option<(usize, usize)>,
}

impl Default for Layout {
    fn default() -> Layout {
        Layout {
            cards: 1,
            rows: 1,
            lines: 1,
            overview_end: None,
            popup_page: 1,
            popup_end: None,
            slide: None,
        }
    }
}

impl App {
    /// Takes the layout of the frame just drawn; positions past an end come back to it.
    pub(super) fn drawn(&mut self, layout: Layout) {
        self.layout = layout;
        if let Some(end) = layout.overview_end {
            self.overview_scroll = self.overview_scroll.min(end);
        }
        if let (Some(end), Some(popup)) = (layout.popup_end, self.popup.as_mut()) {
            popup.clamp_scroll(end);
        }
        if let (Some(p), Some((slide, pages))) = (self.present.as_mut(), layout.slide) {
            if p.slide == slide {
                p.page = p.page.min(pages.saturating_sub(1));
            }
        }
    }

    /// Pages of the slide shown, as last drawn (one until it is drawn).
    pub fn slide_pages(&self) -> usize {
        match (&self.present, self.layout.slide) {
            (Some(p), Some((slide, pages))) if p.slide == slide => pages.max(1),
            _ => 1,
        }
    }
}
