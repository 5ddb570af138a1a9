//! Exporting and importing the ledger (台账) of a city (1,000 tasks) and a province (10,000).
//!
//! Export writes the three-sheet workbook (or the CSV) into memory; import reads it back into a
//! board, from bytes, as `ducha import` does after reading the file.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use ducha::cli::gen::{board, default_center};
use ducha::ledger::{export_csv, export_xlsx, import_bytes, ImportOptions};
use ducha::report::Scope;
use std::hint::black_box;

const SIZES: [usize; 2] = [1_000, 10_000];

fn ledger(c: &mut Criterion) {
    let mut g = c.benchmark_group("ledger");
    g.sample_size(10);
    let today = default_center();
    let scope = Scope::default();
    let opts = ImportOptions {
        sheet: None,
        year: None,
        lang: None,
        today,
    };
    for n in SIZES {
        let b = board(n, 1, today);
        let xlsx = match export_xlsx(&b, today, &scope) {
            Ok(bytes) => bytes,
            Err(e) => panic!("export failed: {e}"),
        };
        let csv = export_csv(&b, today, &scope).into_bytes();
        g.bench_with_input(BenchmarkId::new("export_xlsx", n), &b, |bench, b| {
            bench.iter(|| black_box(export_xlsx(black_box(b), today, &scope).is_ok()))
        });
        g.bench_with_input(BenchmarkId::new("export_csv", n), &b, |bench, b| {
            bench.iter(|| black_box(export_csv(black_box(b), today, &scope)))
        });
        g.bench_with_input(BenchmarkId::new("import_xlsx", n), &xlsx, |bench, x| {
            bench.iter(|| black_box(import_bytes(x.clone(), "ledger", &opts).is_ok()))
        });
        g.bench_with_input(BenchmarkId::new("import_csv", n), &csv, |bench, x| {
            bench.iter(|| black_box(import_bytes(x.clone(), "ledger", &opts).is_ok()))
        });
    }
    g.finish();
}

criterion_group!(benches, ledger);
criterion_main!(benches);
