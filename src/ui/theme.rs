//! Colours, symbols and borders: high contrast, and meaning never carried by colour alone.

use crate::model::facts::Light;
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

/// How to draw: with or without colour, with Unicode or ASCII symbols.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Use colours (off with NO_COLOR).
    pub color: bool,
    /// Draw with ASCII only.
    pub ascii: bool,
}

const ASCII_BORDER: border::Set = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

impl Theme {
    /// Borders for blocks.
    pub fn border(&self) -> border::Set<'static> {
        if self.ascii {
            ASCII_BORDER
        } else {
            border::PLAIN
        }
    }

    /// Borders for the focused block: thicker, so focus shows without colour.
    pub fn border_focus(&self) -> border::Set<'static> {
        if self.ascii {
            border::Set {
                horizontal_top: "=",
                horizontal_bottom: "=",
                ..ASCII_BORDER
            }
        } else {
            border::THICK
        }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    /// A light's colour; red and yellow are also bold.
    pub fn light(&self, l: Light) -> Style {
        match l {
            Light::Red => self.fg(Color::LightRed).add_modifier(Modifier::BOLD),
            Light::Yellow => self.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            Light::Green => self.fg(Color::LightGreen),
            Light::Done => self.fg(Color::Cyan),
        }
    }

    /// A light's symbol.
    pub fn symbol(&self, l: Light) -> &'static str {
        l.symbol(self.ascii)
    }

    /// The selected card or row: reversed, which survives monochrome projectors.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// A row or card: in the selected style when it is the selected one, else plain.
    pub fn row(&self, selected: bool) -> Style {
        if selected {
            self.selected()
        } else {
            Style::new()
        }
    }

    /// Headings and titles.
    pub fn title(&self) -> Style {
        self.fg(Color::LightCyan).add_modifier(Modifier::BOLD)
    }

    /// Key names in the footer and help.
    pub fn key(&self) -> Style {
        self.fg(Color::LightYellow).add_modifier(Modifier::BOLD)
    }

    /// Warnings and errors in the footer.
    pub fn alert(&self) -> Style {
        self.fg(Color::LightRed).add_modifier(Modifier::BOLD)
    }

    /// The selection marker in front of a card.
    pub fn marker(&self) -> &'static str {
        if self.ascii {
            ">"
        } else {
            "▶"
        }
    }

    /// The symbol of a task marked for a batch change.
    pub fn mark(&self) -> &'static str {
        if self.ascii {
            "*"
        } else {
            "■"
        }
    }

    /// Ascending and descending, after the heading of the column sorted by.
    pub fn sort_arrows(&self) -> (&'static str, &'static str) {
        if self.ascii {
            ("^", "v")
        } else {
            ("▲", "▼")
        }
    }

    /// Full and empty cells of progress bars.
    pub fn bar_cells(&self) -> (&'static str, &'static str) {
        if self.ascii {
            ("#", ".")
        } else {
            ("█", "░")
        }
    }

    /// Scroll markers.
    pub fn arrows(&self) -> (&'static str, &'static str) {
        if self.ascii {
            ("^", "v")
        } else {
            ("↑", "↓")
        }
    }
}
