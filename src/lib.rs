//! ducha (督查): a terminal progress board for campaign supervision offices.

pub mod cli;
pub mod model;
pub mod report;
pub mod store;
