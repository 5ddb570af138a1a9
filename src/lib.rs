//! ducha (督查): a terminal progress board for campaign supervision offices.

pub mod app;
pub mod cli;
pub mod docx;
pub mod keymap;
pub mod ledger;
pub mod model;
pub mod notice;
pub mod report;
pub mod rollup;
pub mod store;
pub mod tui;
pub mod ui;
