//! A notice as a Word document.

use super::{parts, Notice};
use crate::docx::{write, Block, DocTable};
use crate::model::Board;

/// The notice's blocks.
pub fn blocks(b: &Board, n: &Notice) -> Vec<Block> {
    let p = parts(b, n);
    vec![
        Block::Title(p.title),
        Block::Plain(p.to),
        Block::Para(p.intro),
        Block::Table(DocTable {
            head: p.head,
            rows: p.rows,
            widths: p.widths,
        }),
        Block::Para(p.request),
        Block::Right(p.office),
        Block::Right(p.date),
    ]
}

/// The notice as `.docx` bytes.
pub fn render(b: &Board, n: &Notice) -> Result<Vec<u8>, String> {
    write(&blocks(b, n))
}
