//! A city's roll-up: 100 county boards of 500 tasks each, read from a folder and summed.

use criterion::{criterion_group, criterion_main, Criterion};
use ducha::cli::gen::{board, default_center};
use ducha::rollup::{collect, markdown, Source};
use std::hint::black_box;

fn rollup(c: &mut Criterion) {
    let Ok(dir) = tempfile::tempdir() else {
        eprintln!("no temporary folder: the roll-up benchmark is skipped");
        return;
    };
    for i in 0..100u64 {
        let text = ducha::store::to_yaml(&board(500, i + 1, default_center()));
        if let Err(e) = std::fs::write(dir.path().join(format!("county-{i:03}.yaml")), text) {
            eprintln!("cannot write the boards: {e}");
            return;
        }
    }
    let sources = [Source::Folder(dir.path().to_path_buf())];
    let today = default_center();
    let mut g = c.benchmark_group("rollup");
    g.sample_size(10);
    g.bench_function("100_boards_of_500_tasks", |b| {
        b.iter(|| black_box(markdown(&collect(black_box(&sources), today))))
    });
    g.finish();
}

criterion_group!(benches, rollup);
criterion_main!(benches);
