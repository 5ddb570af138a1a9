//! ducha (督查): a terminal progress board for campaign supervision offices.

pub mod app;
pub mod cli;
pub mod keymap;
pub mod model;
pub mod report;
pub mod store;
pub mod tui;
pub mod ui;
