//! `ducha merge BASE OURS THEIRS` on files and as a git merge driver: what a user sees after a merge.

mod support;

use ducha::model::Board;
use std::fs;
use std::path::Path;
use std::process::Command;
use support::{ducha, sample, scratch, write, Run};

/// `text` with the first `key:` line of task `id` set to `value`, as a user edits it by hand.
fn edit_task(text: &str, id: &str, key: &str, value: &str) -> String {
    let start = text
        .find(&format!("- id: {id}\n"))
        .unwrap_or_else(|| panic!("no task {id}"));
    let end = text[start + 1..]
        .find("\n  - id: ")
        .map_or(text.len(), |i| start + 1 + i);
    let prefix = format!("\n    {key}: ");
    let at = start
        + text[start..end]
            .find(&prefix)
            .unwrap_or_else(|| panic!("task {id} has no {key}"));
    let line_end = text[at + 1..].find('\n').map_or(text.len(), |i| at + 1 + i);
    format!("{}{prefix}{value}{}", &text[..at], &text[line_end..])
}

/// A new task appended at the end of the file.
fn add_task(text: &str, id: &str, title: &str) -> String {
    format!(
        "{text}  - id: {id}\n    title: {title}\n    phase: p2\n    lead: sup\n    status: todo\n"
    )
}

fn sample_text(name: &str) -> String {
    fs::read_to_string(sample(name)).expect("sample board")
}

/// The board a file holds, which must be free of errors.
fn board(path: &Path) -> Board {
    let loaded = ducha::store::load(path).expect("a readable board");
    assert!(
        !ducha::model::validate::has_errors(&loaded.parsed.diagnostics),
        "{:?}",
        loaded.parsed.diagnostics
    );
    loaded.parsed.board
}

fn task<'a>(b: &'a Board, id: &str) -> &'a ducha::model::Task {
    b.tasks
        .iter()
        .find(|t| t.id == id)
        .unwrap_or_else(|| panic!("no task {id}"))
}

/// Writes the three versions into `dir` and runs `ducha merge base.yaml ours.yaml theirs.yaml`.
fn merge(dir: &Path, base: &str, ours: &str, theirs: &str) -> Run {
    write(dir, "base.yaml", base);
    write(dir, "ours.yaml", ours);
    write(dir, "theirs.yaml", theirs);
    ducha(dir, &["merge", "base.yaml", "ours.yaml", "theirs.yaml"])
}

/// The file parsed as plain YAML, as any other tool would read it.
fn yaml(path: &Path) -> serde_yaml::Value {
    let text = fs::read_to_string(path).expect("read merged file");
    assert!(
        !text.contains("<<<<<<<") && !text.contains(">>>>>>>"),
        "{text}"
    );
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("not YAML: {e}\n{text}"))
}

/// The 1-based line of the first line of `path` that is `line`.
fn line_of(path: &Path, line: &str) -> usize {
    let text = fs::read_to_string(path).expect("read");
    text.lines().position(|l| l == line).expect("line in file") + 1
}

#[test]
fn changes_to_different_tasks_merge_cleanly() {
    let dir = scratch();
    let base = sample_text("demo-en.yaml");
    let ours = edit_task(&base, "T10", "status", "doing");
    let theirs = edit_task(&base, "T12", "deadline", "2024-07-20");
    let run = merge(dir.path(), &base, &ours, &theirs);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (0, "", "merged: no clashes\n")
    );
    let merged = board(&dir.path().join("ours.yaml"));
    assert_eq!(task(&merged, "T10").status, "doing");
    assert_eq!(
        task(&merged, "T12").deadline.unwrap().to_string(),
        "2024-07-20"
    );
    assert_eq!(ducha(dir.path(), &["check", "ours.yaml"]).code, 0);
}

#[test]
fn a_clash_keeps_our_value_and_check_names_it_in_chinese() {
    let dir = scratch();
    let base = sample_text("zhucheng-2017.yaml");
    let ours = edit_task(&base, "S06", "status", "done");
    let theirs = edit_task(&base, "S06", "status", "todo");
    let run = merge(dir.path(), &base, &ours, &theirs);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (1, "", "合并完成：1 处冲突（S06 status）\n")
    );
    let path = dir.path().join("ours.yaml");
    let doc = yaml(&path);
    let clash = &doc["clashes"][0];
    assert_eq!(clash["task"].as_str(), Some("S06"));
    assert_eq!(clash["field"].as_str(), Some("status"));
    assert_eq!(clash["ours"].as_str(), Some("done"));
    assert_eq!(clash["theirs"].as_str(), Some("todo"));
    let tasks = doc["tasks"].as_sequence().expect("tasks");
    let s06 = tasks.iter().find(|t| t["id"].as_str() == Some("S06"));
    assert_eq!(s06.expect("S06")["status"].as_str(), Some("done"));

    let check = ducha(dir.path(), &["check", "ours.yaml"]);
    let line = line_of(&path, "  - task: S06");
    assert_eq!(check.code, 1);
    assert_eq!(
        check.stderr,
        format!(
            "ours.yaml:{line}:5: 错误: clashes[0]: 任务 S06 的 status（状态）合并冲突未解决：\
             我方为“done”，对方为“todo”；请在任务中改成正确的值，然后删除这条记录\n\
             ours.yaml: 1 个错误，0 个警告\n"
        )
    );
}

#[test]
fn clashes_in_english_name_the_task_the_field_and_board_parts() {
    let dir = scratch();
    let base = sample_text("demo-en.yaml");
    let ours = edit_task(&base, "T08", "extended_to", "2024-07-15")
        .replace("title: City", "title: Our City");
    let theirs = edit_task(&base, "T08", "extended_to", "2024-07-31")
        .replace("title: City", "title: Their City");
    let run = merge(dir.path(), &base, &ours, &theirs);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (1, "merged: 2 clashes (title, T08 extended_to)\n")
    );
    let path = dir.path().join("ours.yaml");
    let check = ducha(dir.path(), &["check", "ours.yaml"]);
    assert_eq!(check.code, 1);
    let (l1, l2) = (
        line_of(&path, "  - part: title"),
        line_of(&path, "  - task: T08"),
    );
    assert_eq!(
        check.stderr,
        format!(
            "ours.yaml:{l1}:5: error: clashes[0]: unresolved merge clash in the board's title: \
             ours \"Our City Work-Style Improvement Year (demo)\", \
             theirs \"Their City Work-Style Improvement Year (demo)\"; \
             make it right, then remove this entry\n\
             ours.yaml:{l2}:5: error: clashes[1]: unresolved merge clash in task T08, field \
             extended_to: ours \"2024-07-15\", theirs \"2024-07-31\"; \
             put the right value in the task, then remove this entry\n\
             ours.yaml: 2 errors, 0 warnings\n"
        )
    );
    // Resolving: choose the value, delete the record; the board is usable again.
    let text = fs::read_to_string(&path).expect("read");
    let start = text.find("clashes:\n").expect("clashes");
    let end = start + text[start..].find("tasks:\n").expect("tasks");
    let resolved =
        format!("{}{}", &text[..start], &text[end..]).replace("2024-07-15", "2024-07-31");
    write(dir.path(), "ours.yaml", resolved);
    assert_eq!(ducha(dir.path(), &["check", "ours.yaml"]).code, 0);
}

#[test]
fn sides_fine_alone_but_wrong_together_are_not_a_clean_merge() {
    // We drop a unit nobody uses any more; they make it the lead of a task.
    let dir = scratch();
    let base = sample_text("demo-en.yaml");
    let ours = base
        .replace("  - {id: pub,  name: Publicity Department}\n", "")
        .replace("[org, pub]", "[org]")
        .replace("[pub]", "[gen]");
    let theirs = edit_task(&base, "T12", "lead", "pub");
    let run = merge(dir.path(), &base, &ours, &theirs);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            1,
            "merged: no clashes; the result has 1 error: tasks[11].lead: unknown unit pub\n"
        )
    );
    let check = ducha(dir.path(), &["check", "ours.yaml"]);
    assert_eq!(check.code, 1);
    assert!(check.stderr.contains("tasks[11].lead: unknown unit pub"));
}

#[test]
fn a_board_with_errors_or_no_board_is_refused_and_ours_is_untouched() {
    let dir = scratch();
    let base = sample_text("demo-en.yaml");
    let ours = edit_task(&base, "T10", "status", "doing");
    let theirs = edit_task(&base, "T12", "lead", "nobody");
    let run = merge(dir.path(), &base, &ours, &theirs);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("theirs.yaml:"), "{}", run.stderr);
    assert!(run.stderr.contains("unknown unit nobody"), "{}", run.stderr);
    assert!(run
        .stderr
        .ends_with("theirs.yaml: has errors; not merged (nothing changed)\n"));
    assert_eq!(
        fs::read_to_string(dir.path().join("ours.yaml")).unwrap(),
        ours
    );

    let run = ducha(
        dir.path(),
        &["merge", "missing.yaml", "ours.yaml", "theirs.yaml"],
    );
    assert_eq!(run.code, 2);
    assert!(run.stderr.starts_with("missing.yaml: "), "{}", run.stderr);
    assert_eq!(
        fs::read_to_string(dir.path().join("ours.yaml")).unwrap(),
        ours
    );
}

/// A git repository in `dir` with the sample board as `boards/demo.yaml` and the driver set up
/// as the README says, on branch main.
fn repo(dir: &Path) -> std::path::PathBuf {
    let bin = env!("CARGO_BIN_EXE_ducha");
    assert!(
        !bin.contains('\''),
        "the test quotes the binary's path with '"
    );
    git(dir, &["init", "-q", "-b", "main"]);
    git(dir, &["config", "merge.ducha.name", "ducha board merge"]);
    let driver = format!("'{bin}' merge %O %A %B");
    git(dir, &["config", "merge.ducha.driver", &driver]);
    write(dir, ".gitattributes", "boards/*.yaml merge=ducha\n");
    fs::create_dir(dir.join("boards")).expect("boards folder");
    let file = write(
        &dir.join("boards"),
        "demo.yaml",
        sample_text("demo-en.yaml"),
    );
    git(dir, &["add", "."]);
    git(dir, &["commit", "-q", "-m", "base"]);
    file
}

/// Runs git in `dir` without the user's or the system's configuration.
fn git_run(dir: &Path, args: &[&str]) -> Run {
    let home = dir.join(".home");
    let _ = fs::create_dir(&home);
    Command::new("git")
        .current_dir(dir)
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", &home)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("LC_ALL", "C")
        .env_remove("DUCHA_USER")
        .args([
            "-c",
            "user.name=Tester",
            "-c",
            "user.email=tester@example.com",
        ])
        .args(["-c", "commit.gpgsign=false"])
        .args(args)
        .output()
        .expect("run git")
        .into()
}

/// Runs git and insists that it succeeds.
fn git(dir: &Path, args: &[&str]) -> Run {
    let run = git_run(dir, args);
    assert_eq!(run.code, 0, "git {args:?}: {}{}", run.stdout, run.stderr);
    run
}

/// Commits `theirs` on branch `theirs` and `ours` on main, then merges theirs into main.
fn branches(dir: &Path, file: &Path, ours: &str, theirs: &str) -> Run {
    git(dir, &["checkout", "-q", "-b", "theirs"]);
    write(file.parent().expect("folder"), "demo.yaml", theirs);
    git(dir, &["commit", "-q", "-am", "theirs"]);
    git(dir, &["checkout", "-q", "main"]);
    write(file.parent().expect("folder"), "demo.yaml", ours);
    git(dir, &["commit", "-q", "-am", "ours"]);
    git_run(dir, &["merge", "--no-edit", "theirs"])
}

#[test]
fn git_merges_changes_to_different_tasks_through_the_driver() {
    let dir = scratch();
    let file = repo(dir.path());
    let base = sample_text("demo-en.yaml");
    let ours = edit_task(&base, "T10", "status", "doing");
    let theirs = edit_task(&base, "T09", "status", "done");
    let run = branches(dir.path(), &file, &ours, &theirs);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    yaml(&file);
    let merged = board(&file);
    assert_eq!(task(&merged, "T10").status, "doing");
    assert_eq!(task(&merged, "T09").status, "done");
    // The driver wrote it: the result is in canonical form, without the sample's comments.
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
        ducha::store::to_yaml(&merged)
    );
    assert_eq!(git(dir.path(), &["status", "--porcelain"]).stdout, "");
}

#[test]
fn git_keeps_the_tasks_both_branches_added_at_the_end() {
    // Line by line this is a conflict (both sides insert at the end); task by task it is not.
    let dir = scratch();
    let file = repo(dir.path());
    let base = sample_text("demo-en.yaml");
    // Both took the next id: ours moves on to the one after.
    let ours = add_task(&base, "T15", "Our new task");
    let theirs = add_task(&base, "T15", "Their new task");
    let run = branches(dir.path(), &file, &ours, &theirs);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr
            .contains("merged: no clashes; our new task T15 is now T16"),
        "{}",
        run.stderr
    );
    let merged = board(&file);
    assert_eq!(task(&merged, "T15").title, "Their new task");
    assert_eq!(task(&merged, "T16").title, "Our new task");
}

#[test]
fn git_reports_a_clash_as_a_conflict_and_leaves_a_readable_board() {
    let dir = scratch();
    let file = repo(dir.path());
    let base = sample_text("demo-en.yaml");
    let ours = edit_task(&base, "T10", "status", "doing");
    let theirs = edit_task(&base, "T10", "status", "done");
    let run = branches(dir.path(), &file, &ours, &theirs);
    assert_ne!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("CONFLICT") && run.stdout.contains("boards/demo.yaml"),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr.contains("merged: 1 clash (T10 status)"),
        "{}",
        run.stderr
    );
    let unmerged = git(dir.path(), &["diff", "--name-only", "--diff-filter=U"]);
    assert_eq!(unmerged.stdout, "boards/demo.yaml\n");
    let doc = yaml(&file);
    assert_eq!(doc["clashes"][0]["task"].as_str(), Some("T10"));
    assert_eq!(doc["clashes"][0]["ours"].as_str(), Some("doing"));
    assert_eq!(doc["clashes"][0]["theirs"].as_str(), Some("done"));
    let check = ducha(dir.path(), &["check", "boards/demo.yaml"]);
    assert_eq!(check.code, 1);
    assert!(check
        .stderr
        .contains("clashes[0]: unresolved merge clash in task T10"));
}
