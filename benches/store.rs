//! Loading, checking and saving boards of a city (1,000 tasks) and a province (10,000 tasks).
//!
//! `bare_parse` runs the YAML parser over the same text and drops its events: the floor, since
//! reading a board cannot cost less than reading its YAML at all. `large` does the same for a
//! city's 100,000 tasks.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use ducha::cli::gen::{board, default_center};
use ducha::model::validate::validate;
use ducha::store::{
    bare_parse, parse, parse_with, save, save_merging, to_yaml, Comments, SaveOutcome,
};
use std::hint::black_box;

const SIZES: [usize; 2] = [1_000, 10_000];

fn boards(c: &mut Criterion) {
    let mut g = c.benchmark_group("store");
    g.sample_size(20);
    for n in SIZES {
        let b = board(n, 1, default_center());
        let text = to_yaml(&b);
        g.throughput(Throughput::Bytes(text.len() as u64));

        g.bench_with_input(BenchmarkId::new("bare_parse", n), &text, |bench, t| {
            bench.iter(|| black_box(bare_parse(black_box(t))))
        });
        g.bench_with_input(BenchmarkId::new("load", n), &text, |bench, t| {
            bench.iter(|| black_box(parse(black_box(t))))
        });
        // As the board opens a file: with a progress callback, which asks where the parser is.
        g.bench_with_input(
            BenchmarkId::new("load_with_progress", n),
            &text,
            |bench, t| {
                bench.iter(|| {
                    let mut seen = 0;
                    let mut tick = |done: usize, _total: usize| seen = done;
                    let parsed = parse_with(black_box(t), Some(&mut tick));
                    black_box(parsed.is_ok());
                    black_box(seen)
                })
            },
        );
        g.bench_with_input(BenchmarkId::new("check", n), &b, |bench, b| {
            bench.iter(|| black_box(validate(black_box(b))))
        });
        g.bench_with_input(BenchmarkId::new("to_yaml", n), &b, |bench, b| {
            bench.iter(|| black_box(to_yaml(black_box(b))))
        });

        // A real save: conflict check, backup, temporary file, fsync, rename. The board is
        // changed each time so the save is never skipped as unchanged.
        let Ok(dir) = tempfile::tempdir() else {
            eprintln!("no temporary folder: the save benchmark is skipped");
            continue;
        };
        let path = dir.path().join("board.yaml");
        let mut edited = b.clone();
        let mut stamp = None;
        let mut flip = false;
        g.bench_function(BenchmarkId::new("save", n), |bench| {
            bench.iter(|| {
                flip = !flip;
                edited.tasks[0].status = if flip { "doing" } else { "todo" }.into();
                match save(&path, &edited, stamp) {
                    Ok(s) => stamp = Some(s),
                    Err(e) => panic!("save failed: {e}"),
                }
            })
        });

        // The interactive save of a one-field change: under the lock, read the file again, edit
        // only that task's lines in place, back up, fsync, rename.
        let mut other = b.clone();
        other.tasks[0].status = if b.tasks[0].status == "doing" {
            "todo"
        } else {
            "doing"
        }
        .into();
        let mut stamp = save(&path, &b, None).ok();
        let mut flip = false;
        g.bench_function(BenchmarkId::new("save_one_field_in_place", n), |bench| {
            bench.iter(|| {
                flip = !flip;
                let (base, mine) = if flip { (&b, &other) } else { (&other, &b) };
                match save_merging(&path, base, mine, stamp, Comments::Keep) {
                    Ok(SaveOutcome::Written(s, _)) => stamp = Some(s),
                    other => panic!("save failed: {other:?}"),
                }
            })
        });
    }
    g.finish();
}

/// Reading a board of 100,000 tasks (33 MB), against the bare parse of the same text.
fn large(c: &mut Criterion) {
    let mut g = c.benchmark_group("store_large");
    g.sample_size(10);
    let n = 100_000;
    let text = to_yaml(&board(n, 1, default_center()));
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_with_input(BenchmarkId::new("bare_parse", n), &text, |bench, t| {
        bench.iter(|| black_box(bare_parse(black_box(t))))
    });
    g.bench_with_input(BenchmarkId::new("load", n), &text, |bench, t| {
        bench.iter(|| black_box(parse(black_box(t))))
    });
    g.finish();
}

criterion_group!(benches, boards, large);
criterion_main!(benches);
