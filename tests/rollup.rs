//! A city over its counties: boards from files, folders and git summed; a broken board listed,
//! never dropped; an unreachable remote read from the cache with its date.

mod support;

use std::path::Path;
use std::process::Command;
use support::*;

const TODAY: &str = "2017-07-10";

fn json(dir: &Path, sources: &[&str]) -> (i32, serde_json::Value, String) {
    let mut args = vec!["rollup", "--format", "json", "--today", TODAY];
    args.extend_from_slice(sources);
    let run = ducha(dir, &args);
    let v = serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout));
    (run.code, v, run.stderr)
}

#[test]
fn a_folder_of_boards_is_summed_and_units_are_matched_by_name() {
    let dir = scratch();
    let boards = dir.path().join("counties");
    std::fs::create_dir(&boards).unwrap();
    for name in [
        "zhucheng-2017.yaml",
        "beipiao-2022.yaml",
        "jiaxing-2015.yaml",
    ] {
        std::fs::copy(sample(name), boards.join(name)).unwrap();
    }
    let (code, v, _) = json(dir.path(), &["counties"]);
    assert_eq!(code, 0);
    let rows = v["boards"].as_array().unwrap();
    assert_eq!(rows.len(), 3);
    let sum = |key: &str| rows.iter().map(|b| b[key].as_u64().unwrap()).sum::<u64>();
    for key in ["total", "done", "overdue", "due_soon"] {
        assert_eq!(v[key].as_u64().unwrap(), sum(key), "{key}");
    }
    // One department in several county boards is one row.
    let units = v["units"].as_array().unwrap();
    let xcb: Vec<_> = units.iter().filter(|u| u["name"] == "市委宣传部").collect();
    assert_eq!(xcb.len(), 1);
    assert!(xcb[0]["boards"].as_u64().unwrap() >= 2, "{:?}", xcb[0]);
}

#[test]
fn a_board_with_errors_is_listed_with_its_error_and_left_out_of_the_totals() {
    let dir = scratch();
    std::fs::copy(sample("demo-en.yaml"), dir.path().join("good.yaml")).unwrap();
    write(
        dir.path(),
        "bad.yaml",
        "title: x\nphases: []\ntasks:\n  - id: T1\n    deadline: 2017-02-30\n",
    );
    let (code, v, stderr) = json(dir.path(), &["good.yaml", "bad.yaml"]);
    assert_eq!(code, 1, "a board was left out");
    let rows = v["boards"].as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert!(
        rows[1]["error"].as_str().unwrap().contains("bad.yaml"),
        "{}",
        rows[1]
    );
    assert_eq!(v["total"], rows[0]["total"]);
    assert!(stderr.contains("bad.yaml"));
}

#[test]
fn boards_of_the_same_title_stay_apart_by_their_id() {
    let dir = scratch();
    let text = std::fs::read_to_string(sample("demo-en.yaml")).unwrap();
    write(dir.path(), "a.yaml", &text);
    write(dir.path(), "b.yaml", format!("board_id: county-b\n{text}"));
    let (_, v, _) = json(dir.path(), &["a.yaml", "b.yaml"]);
    let ids: Vec<&str> = v["boards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["a", "county-b"]);
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args([
            "-c",
            "user.name=县督查室",
            "-c",
            "user.email=county@example.org",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_git_remote_is_fetched_updated_and_read_from_the_cache_when_unreachable() {
    let dir = scratch();
    let (work, bare, cache) = (
        dir.path().join("work"),
        dir.path().join("county.git"),
        dir.path().join("cache"),
    );
    std::fs::create_dir_all(work.join("boards")).unwrap();
    git(
        dir.path(),
        &[
            "init",
            "--quiet",
            "--bare",
            "-b",
            "main",
            bare.to_str().unwrap(),
        ],
    );
    git(&work, &["init", "--quiet", "-b", "main"]);
    std::fs::copy(
        sample("zhucheng-2017.yaml"),
        work.join("boards/county.yaml"),
    )
    .unwrap();
    git(&work, &["add", "."]);
    git(&work, &["commit", "--quiet", "-m", "board"]);
    git(&work, &["push", "--quiet", bare.to_str().unwrap(), "main"]);
    let source = format!("{}#main:boards", bare.display());
    let run = |dir: &Path| {
        let out = command(dir)
            .args(["rollup", "--format", "json", "--today", TODAY, &source])
            .env("XDG_CACHE_HOME", &cache)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        (out.status.code(), v)
    };
    let (code, v) = run(dir.path());
    assert_eq!(code, Some(0));
    assert_eq!(v["boards"][0]["done"], 15);
    assert!(v["boards"][0]["fetched_at"].is_string());
    // The county finishes a task and pushes: the next roll-up sees it.
    let path = work.join("boards/county.yaml");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replacen("status: doing", "status: done", 1);
    std::fs::write(&path, text).unwrap();
    git(&work, &["commit", "--quiet", "-am", "done"]);
    git(&work, &["push", "--quiet", bare.to_str().unwrap(), "main"]);
    let (_, v) = run(dir.path());
    assert_eq!(v["boards"][0]["done"], 16);
    // The remote goes away: the last fetched state is used, and said to be stale.
    std::fs::rename(&bare, dir.path().join("moved.git")).unwrap();
    let (code, v) = run(dir.path());
    assert_eq!(code, Some(0));
    assert_eq!(v["boards"][0]["done"], 16);
    assert!(v["boards"][0]["stale"].is_string(), "{}", v["boards"][0]);
    let md = command(dir.path())
        .args(["rollup", "--format", "md", "--today", TODAY, &source])
        .env("XDG_CACHE_HOME", &cache)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&md.stdout).contains("未能更新，沿用"));
}

fn screen(width: u16, height: u16) -> String {
    let dir = scratch();
    for name in [
        "zhucheng-2017.yaml",
        "jiaxing-2015.yaml",
        "wucheng-key-tasks.yaml",
    ] {
        std::fs::copy(sample(name), dir.path().join(name)).unwrap();
    }
    write(dir.path(), "broken.yaml", "title: [\n");
    let today = chrono::NaiveDate::from_ymd_opt(2017, 7, 10).unwrap();
    let sources = [ducha::rollup::Source::Folder(dir.path().to_path_buf())];
    let mut r = ducha::rollup::collect(&sources, today);
    for b in &mut r.boards {
        // The folder's name differs on every run.
        b.source = b
            .source
            .replace(&dir.path().display().to_string(), "counties");
        if let Err(e) = &mut b.figures {
            *e = e.replace(&dir.path().display().to_string(), "counties");
        }
    }
    let order: Vec<usize> = {
        let mut v: Vec<usize> = r
            .ranked()
            .iter()
            .map(|(b, _)| r.boards.iter().position(|x| x.id == b.id).unwrap())
            .collect();
        v.extend((0..r.boards.len()).filter(|&i| r.boards[i].figures.is_err()));
        v
    };
    let theme = ducha::ui::Theme {
        color: false,
        ascii: false,
    };
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height)).unwrap();
    let keys = ducha::keymap::Keymap::defaults();
    t.draw(|f| ducha::ui::rollup::draw(f, &r, &order, 0, "排名", &theme, &keys))
        .unwrap();
    let buf = t.backend().buffer().clone();
    (0..height)
        .map(|y| {
            let (mut line, mut skip) = (String::new(), 0usize);
            for x in 0..width {
                let sym = buf[(x, y)].symbol();
                if skip == 0 {
                    line.push_str(sym);
                } else {
                    assert!(
                        sym.trim().is_empty(),
                        "a wide character is overlapped at {x},{y}"
                    );
                }
                skip = skip
                    .max(unicode_width::UnicodeWidthStr::width(sym))
                    .saturating_sub(1);
            }
            line.trim_end().to_string() + "\n"
        })
        .collect()
}

#[test]
fn the_interactive_table_at_80x24_and_120x40() {
    let small = screen(80, 24);
    assert!(small.contains("看板 3/4"), "{small}");
    assert!(
        small.contains("未计入"),
        "the broken board is listed: {small}"
    );
    insta::assert_snapshot!("rollup_80x24", small);
    let big = screen(120, 40);
    assert!(big.contains("数据时间"), "{big}");
    insta::assert_snapshot!("rollup_120x40", big);
}
