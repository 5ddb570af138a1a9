//! End to end in a real terminal: the built binary runs inside a detached tmux session, is driven
//! with key presses and read back from the screen, and the files it leaves are checked.
//!
//! Each test has its own tmux server, on a socket in its temporary folder (`tmux -S`, so that no
//! socket file is left behind as with `tmux -L`), so the tests run in parallel. tmux is required:
//! without it these tests fail rather than pass without having run.

#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};
use tempfile::TempDir;

/// Long enough for a slow, busy CI machine; it only stops a broken test from hanging.
const DEADLINE: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(50);

const ZHUCHENG: &str = "zhucheng-2017.yaml";
const ZHUCHENG_TITLE: &str = "诸城市“作风建设年”活动";

/// The names of the files in `dir`, sorted.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn require_tmux() {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        ok,
        "tmux is required for the end-to-end terminal tests but was not found on PATH \
         (install it, e.g. `apt-get install tmux`)"
    );
}

/// Quotes a word for `sh`.
fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// A copy of a sample board in a folder of its own.
struct Fixture {
    dir: TempDir,
    board: PathBuf,
    original: Vec<u8>,
}

impl Fixture {
    fn new(sample: &str) -> Fixture {
        require_tmux();
        let dir = tempfile::tempdir().unwrap();
        // The board gets a folder to itself so that the files ducha writes beside it can be listed.
        std::fs::create_dir(dir.path().join("board")).unwrap();
        let board = dir.path().join("board").join(sample);
        let source = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("boards")
            .join(sample);
        let original = std::fs::read(&source).unwrap();
        std::fs::write(&board, &original).unwrap();
        Fixture {
            dir,
            board,
            original,
        }
    }

    fn with_suffix(&self, suffix: &str) -> PathBuf {
        let mut s = self.board.as_os_str().to_owned();
        s.push(suffix);
        PathBuf::from(s)
    }

    /// The recovery file of the (one) session that ran, or where it would be.
    fn recovery(&self) -> PathBuf {
        let prefix = self.name(".测试员.");
        self.files()
            .into_iter()
            .find(|n| n.starts_with(&prefix) && n.ends_with(".recovery"))
            .map_or_else(
                || self.with_suffix(".测试员.none.recovery"),
                |n| self.board.with_file_name(n),
            )
    }

    fn backup(&self) -> PathBuf {
        self.with_suffix(".bak")
    }

    fn bytes(&self) -> Vec<u8> {
        std::fs::read(&self.board).unwrap()
    }

    /// File names in the board's folder, sorted.
    fn files(&self) -> Vec<String> {
        names_in(self.board.parent().unwrap())
    }

    fn name(&self, suffix: &str) -> String {
        format!(
            "{}{suffix}",
            self.board.file_name().unwrap().to_string_lossy()
        )
    }

    fn task(&self, path: &Path, id: &str) -> ducha::model::Task {
        let loaded = ducha::store::load(path).unwrap();
        loaded
            .parsed
            .board
            .tasks
            .into_iter()
            .find(|t| t.id == id)
            .unwrap_or_else(|| panic!("no task {id} in {}", path.display()))
    }
}

/// ducha running in a tmux session of its own.
struct Session {
    socket: PathBuf,
    files: PathBuf,
}

impl Session {
    /// Starts `ducha BOARD ARGS` in a window of `size` (columns, rows); `after` is shell run in the
    /// same pane once ducha has ended.
    fn start(fx: &Fixture, tag: &str, args: &[&str], size: (u16, u16), after: &str) -> Session {
        Session::launch(fx, tag, true, args, size, after, &[])
    }

    /// Starts `ducha BOARD ARGS` at 80x24 with environment variables set (an empty value
    /// unsets one).
    fn start_with_env(fx: &Fixture, tag: &str, args: &[&str], env: &[(&str, &str)]) -> Session {
        Session::launch(fx, tag, true, args, (80, 24), "", env)
    }

    /// Starts `ducha ARGS` without a board, in a folder whose `boards/` holds the fixture's board.
    fn start_picker(fx: &Fixture, tag: &str, args: &[&str], size: (u16, u16)) -> Session {
        Session::launch(fx, tag, false, args, size, "", &[])
    }

    fn launch(
        fx: &Fixture,
        tag: &str,
        with_board: bool,
        args: &[&str],
        size: (u16, u16),
        after: &str,
        env: &[(&str, &str)],
    ) -> Session {
        let files = fx.dir.path().join(tag);
        // Made beforehand when a test puts a keys.toml there (see `keys_toml`).
        std::fs::create_dir_all(&files).unwrap();
        let socket = files.join("tmux.sock");
        let mut command = vec![quote(env!("CARGO_BIN_EXE_ducha"))];
        if with_board {
            command.push(quote(&fx.board.to_string_lossy()));
        } else {
            std::fs::create_dir(files.join("boards")).unwrap();
            std::fs::write(files.join("boards").join(fx.name("")), &fx.original).unwrap();
        }
        command.extend(args.iter().map(|a| quote(a)));
        let env: String = env
            .iter()
            .map(|(name, value)| match *value {
                "" => format!("unset {name}\n"),
                v => format!("{name}={}; export {name}\n", quote(v)),
            })
            .collect();
        // The inner shell writes its pid and becomes ducha, so the pid is ducha's; the outer one
        // records how ducha ended (written then renamed, so it is never read half-written). An
        // interrupt typed while an editor has the terminal reaches the whole process group,
        // where an interactive shell would have given ducha a group of its own: the outer shell
        // outlives it with a trap (which, unlike ignoring it, ducha does not inherit).
        let script = format!(
            "cd {dir} || exit 97\n\
             trap : INT QUIT\n\
             LANG=C.UTF-8; export LANG\n\
             XDG_CONFIG_HOME={dir}; export XDG_CONFIG_HOME\n\
             XDG_CACHE_HOME={dir}/cache; export XDG_CACHE_HOME\n\
             unset LC_ALL LC_CTYPE NO_COLOR DUCHA_USER\n\
             {env}\
             sh -c 'echo $$ > pid; exec \"$@\"' sh {command} 2> stderr\n\
             echo $? > status.part && mv status.part status\n\
             {after}\n",
            dir = quote(&files.to_string_lossy()),
            command = command.join(" "),
        );
        let run = files.join("run.sh");
        std::fs::write(&run, script).unwrap();
        let session = Session { socket, files };
        session.tmux_ok(&[
            "new-session",
            "-d",
            "-s",
            "e2e",
            "-x",
            &size.0.to_string(),
            "-y",
            &size.1.to_string(),
            "sh",
            &run.to_string_lossy(),
        ]);
        session
    }

    fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            // No user configuration, and UTF-8 whatever the outer locale says.
            .args(["-f", "/dev/null", "-u", "-S"])
            .arg(&self.socket)
            .args(args)
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_CTYPE")
            .env_remove("TMUX")
            .output()
            .unwrap()
    }

    fn tmux_ok(&self, args: &[&str]) {
        let out = self.tmux(args);
        assert!(
            out.status.success(),
            "tmux {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn keys(&self, keys: &str) {
        self.tmux_ok(&["send-keys", "-t", "e2e", "-l", keys]);
    }

    fn resize(&self, width: u16, height: u16) {
        self.tmux_ok(&[
            "resize-window",
            "-t",
            "e2e",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
    }

    /// The visible screen, wrapped lines joined; empty once the session is gone.
    fn screen(&self) -> String {
        let out = self.tmux(&["capture-pane", "-p", "-J", "-t", "e2e"]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn read(&self, name: &str) -> Option<String> {
        std::fs::read_to_string(self.files.join(name)).ok()
    }

    /// What is known so far, for a failure message.
    fn report(&self, screen: &str) -> String {
        format!(
            "--- screen ---\n{screen}\n--- ducha stderr ---\n{}",
            self.read("stderr").unwrap_or_default()
        )
    }

    /// Polls the screen until `ok` holds; returns that screen.
    fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return screen;
            }
            if start.elapsed() > DEADLINE {
                panic!("timed out waiting for {what}\n{}", self.report(&screen));
            }
            std::thread::sleep(POLL);
        }
    }

    fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?} on screen"), |s| s.contains(text))
    }

    fn pid(&self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(pid) = self.read("pid").and_then(|s| s.trim().parse().ok()) {
                return pid;
            }
            assert!(start.elapsed() < DEADLINE, "ducha never started");
            std::thread::sleep(POLL);
        }
    }

    /// Waits for ducha to end on its own and returns its exit status.
    fn wait_exit(&self) -> i32 {
        let start = Instant::now();
        loop {
            if let Some(code) = self.read("status").and_then(|s| s.trim().parse().ok()) {
                return code;
            }
            if start.elapsed() > DEADLINE {
                panic!("ducha did not exit\n{}", self.report(&self.screen()));
            }
            std::thread::sleep(POLL);
        }
    }

    fn wait_gone(&self, pid: u32) {
        let start = Instant::now();
        while alive(pid) {
            assert!(
                start.elapsed() < DEADLINE,
                "ducha (pid {pid}) is still running"
            );
            std::thread::sleep(POLL);
        }
    }

    fn wait_server_gone(&self) {
        let start = Instant::now();
        while self.tmux(&["has-session", "-t", "e2e"]).status.success() {
            assert!(start.elapsed() < DEADLINE, "the tmux session did not end");
            std::thread::sleep(POLL);
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // A failed test must not leave its tmux server (and ducha) behind.
        let _ = self.tmux(&["kill-server"]);
    }
}

/// Whether a process is still running; a zombie (ended, not yet reaped) counts as ended,
/// since an orphan may wait for a reaper that a container does not have.
fn alive(pid: u32) -> bool {
    if Path::new("/proc/self/stat").exists() {
        return std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
            let state = stat
                .rsplit_once(')')
                .map_or("", |(_, rest)| rest.trim_start());
            !state.starts_with('Z') && !state.starts_with('X')
        });
    }
    Command::new("kill")
        .args(["-0", &pid.to_string()])
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn zhucheng_args() -> [&'static str; 4] {
    ["--today", "2017-07-10", "--user", "测试员"]
}

/// Waits for the opening screen of the Zhucheng board with S10 selected in 未启动.
fn wait_zhucheng_opened(s: &Session) -> String {
    let screen = s.wait_until("the board with S10 selected", |sc| {
        sc.contains(ZHUCHENG_TITLE) && sc.contains("未启动") && sc.contains("▶S10")
    });
    // The selected card is in the first column, which is 未启动.
    assert!(
        screen.lines().any(|l| l.starts_with("│▶S10")),
        "S10 is not selected in the first column\n{screen}"
    );
    screen
}

#[test]
fn move_save_and_quit_records_the_change_and_keeps_a_backup() {
    let fx = Fixture::new(ZHUCHENG);
    let s = Session::start(&fx, "move", &zhucheng_args(), (80, 24), "");
    wait_zhucheng_opened(&s);
    s.keys("L");
    s.wait_for("[*未保存]");
    s.keys("s");
    // The move is written in place, so the file keeps its comments and nothing is asked.
    let screen = s.wait_for("已保存");
    assert!(!screen.contains("[*未保存]"), "still unsaved\n{screen}");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0, "{}", s.report(""));
    s.wait_server_gone();

    let task = fx.task(&fx.board, "S10");
    assert_eq!(task.status, "doing");
    let last = task.progress.last().expect("a progress entry");
    assert_eq!(last.by, "测试员");
    assert!(last.note.contains("未启动 → 推进中"), "note: {}", last.note);
    assert_eq!(std::fs::read(fx.backup()).unwrap(), fx.original);
    assert!(!fx.recovery().exists());
    // Nothing else left beside the board, such as a temporary file of an atomic write; the lock
    // file that saves take stays.
    assert_eq!(fx.files(), [fx.name(""), fx.name(".bak"), fx.name(".lock")]);
}

#[test]
fn hangup_keeps_unsaved_changes_in_the_recovery_file_and_reopening_restores_them() {
    let fx = Fixture::new(ZHUCHENG);
    {
        let s = Session::start(&fx, "hangup", &zhucheng_args(), (80, 24), "");
        let pid = s.pid();
        wait_zhucheng_opened(&s);
        s.keys("L");
        s.wait_for("[*未保存]");
        // Closing the terminal under the program sends it SIGHUP.
        s.tmux_ok(&["kill-server"]);
        s.wait_gone(pid);
    }
    assert_eq!(fx.bytes(), fx.original, "the board file changed");
    assert!(!fx.backup().exists());
    let text = std::fs::read_to_string(fx.recovery()).expect("a recovery file");
    let parsed = ducha::store::parse(&text).unwrap();
    assert!(
        !ducha::model::validate::has_errors(&parsed.diagnostics),
        "{:?}",
        parsed.diagnostics
    );
    let s10 = parsed.board.tasks.iter().find(|t| t.id == "S10").unwrap();
    assert_eq!(s10.status, "doing");

    let s = Session::start(&fx, "reopen", &zhucheng_args(), (80, 24), "");
    s.wait_for("发现未保存的修改");
    s.keys("r");
    s.wait_until("the restored board marked unsaved", |sc| {
        sc.contains("[*未保存]") && !sc.contains("发现未保存的修改")
    });
    s.keys("s");
    s.wait_for("已保存");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0, "{}", s.report(""));
    assert_eq!(fx.task(&fx.board, "S10").status, "doing");
    assert!(!fx.recovery().exists(), "the recovery file is still there");
    assert_eq!(std::fs::read(fx.backup()).unwrap(), fx.original);
}

#[test]
fn quitting_gives_the_terminal_back_in_cooked_mode() {
    let fx = Fixture::new(ZHUCHENG);
    let marker = "e2e-stty-done";
    let after = format!("stty -a; echo {marker}; sleep 60");
    let s = Session::start(&fx, "stty", &zhucheng_args(), (80, 24), &after);
    wait_zhucheng_opened(&s);
    s.keys("q");
    assert_eq!(s.wait_exit(), 0, "{}", s.report(""));
    let screen = s.wait_for(marker);
    let words: Vec<&str> = screen.split_whitespace().collect();
    assert!(
        words.contains(&"icanon") && words.contains(&"echo"),
        "raw mode was not left\n{screen}"
    );
    assert!(
        !words.contains(&"-icanon") && !words.contains(&"-echo"),
        "raw mode was not left\n{screen}"
    );
    assert!(
        !screen.contains(ZHUCHENG_TITLE),
        "the board is still shown\n{screen}"
    );
    let flags = s.tmux(&[
        "display",
        "-p",
        "-t",
        "e2e",
        "#{alternate_on} #{cursor_flag}",
    ]);
    assert_eq!(
        String::from_utf8_lossy(&flags.stdout).trim(),
        "0 1",
        "alternate screen still on, or cursor still hidden"
    );
}

#[test]
fn read_only_refuses_changes_and_leaves_the_file_alone() {
    let fx = Fixture::new(ZHUCHENG);
    let mut args = zhucheng_args().to_vec();
    args.push("--read-only");
    let s = Session::start(&fx, "readonly", &args, (80, 24), "");
    wait_zhucheng_opened(&s);
    s.keys("L");
    let screen = s.wait_for("只读模式");
    assert!(!screen.contains("[*未保存]"), "{screen}");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0, "{}", s.report(""));
    assert_eq!(fx.bytes(), fx.original);
    assert_eq!(fx.files(), [fx.name("")]);
}

#[test]
fn too_small_a_window_says_so_and_the_board_returns_when_it_grows() {
    let fx = Fixture::new(ZHUCHENG);
    let s = Session::start(&fx, "resize", &zhucheng_args(), (80, 24), "");
    wait_zhucheng_opened(&s);
    s.resize(50, 12);
    let screen = s.wait_for("窗口太小");
    assert!(!screen.contains(ZHUCHENG_TITLE), "{screen}");
    s.resize(120, 40);
    s.wait_until("the board redrawn at 120x40", |sc| {
        sc.contains(ZHUCHENG_TITLE) && !sc.contains("窗口太小") && sc.contains("未启动")
    });
    s.keys("q");
    assert_eq!(s.wait_exit(), 0, "{}", s.report(""));
}

#[test]
fn an_english_board_has_english_columns() {
    let fx = Fixture::new("demo-en.yaml");
    let s = Session::start(&fx, "english", &["--today", "2024-06-14"], (80, 24), "");
    let screen = s.wait_for("Not started");
    assert!(screen.contains("In progress"), "{screen}");
    assert!(!screen.contains("未启动"), "{screen}");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0, "{}", s.report(""));
}

#[test]
fn without_a_file_a_picker_lists_the_boards_and_opens_the_chosen_one() {
    let fx = Fixture::new("zhucheng-2017.yaml");
    let s = Session::start_picker(&fx, "picker", &zhucheng_args(), (80, 24));
    let screen = s.wait_for("选择看板");
    assert!(
        screen.contains("zhucheng-2017.yaml") && screen.contains(ZHUCHENG_TITLE),
        "{screen}"
    );
    s.keys("\r");
    let screen = s.wait_for("未启动");
    assert!(screen.contains("▶S10"), "{screen}");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0, "{}", s.report(""));
}

#[test]
fn two_windows_saving_at_the_same_instant_keep_both_notes() {
    let fx = Fixture::new(ZHUCHENG);
    let a = Session::start(
        &fx,
        "a",
        &["--today", "2017-07-10", "--user", "甲"],
        (80, 24),
        "",
    );
    let b = Session::start(
        &fx,
        "b",
        &["--today", "2017-07-10", "--user", "乙"],
        (80, 24),
        "",
    );
    for (s, note) in [(&a, "甲的进展"), (&b, "乙的进展")] {
        wait_zhucheng_opened(s);
        s.keys("p");
        s.wait_for("添加进展");
        s.keys(note);
        // Enter starts a new line of a note; Tab is the plain key that accepts it.
        s.keys("\t");
        s.wait_for("[*未保存]");
    }
    // Both keys leave at once, from two threads.
    let barrier = std::sync::Barrier::new(2);
    std::thread::scope(|scope| {
        for s in [&a, &b] {
            let barrier = &barrier;
            scope.spawn(move || {
                barrier.wait();
                s.keys("s");
            });
        }
    });
    a.wait_for("已保存");
    b.wait_for("已保存");
    let task = fx.task(&fx.board, "S10");
    let notes: Vec<&str> = task.progress.iter().map(|p| p.note.as_str()).collect();
    assert!(notes.contains(&"甲的进展"), "{notes:?}");
    assert!(notes.contains(&"乙的进展"), "{notes:?}");
    for s in [&a, &b] {
        s.keys("q");
        assert_eq!(s.wait_exit(), 0, "{}", s.report(""));
    }
}

#[test]
fn a_colleagues_save_shows_up_within_two_seconds_merged_into_unsaved_work() {
    let fx = Fixture::new(ZHUCHENG);
    let a = Session::start(
        &fx,
        "a",
        &["--today", "2017-07-10", "--user", "甲"],
        (80, 24),
        "",
    );
    wait_zhucheng_opened(&a);
    // 甲 moves a card and does not save.
    a.keys("L");
    a.wait_for("[*未保存]");
    // 乙 adds a note to another task and saves.
    let b = Session::start(
        &fx,
        "b",
        &["--today", "2017-07-10", "--user", "乙"],
        (80, 24),
        "",
    );
    wait_zhucheng_opened(&b);
    b.keys("j");
    b.keys("p");
    b.wait_for("添加进展");
    b.keys("乙补充的进展");
    b.keys("\t");
    b.keys("s");
    b.wait_for("已保存");
    let seen = Instant::now();
    let screen = a.wait_for("乙 保存了看板");
    assert!(seen.elapsed() < Duration::from_secs(2), "{screen}");
    assert!(
        screen.contains("[*未保存]"),
        "甲's move is still unsaved\n{screen}"
    );
    a.keys("s");
    a.wait_for("已保存");
    let board = ducha::store::load(&fx.board).unwrap().parsed.board;
    assert_eq!(
        board.tasks[board.task_index("S10").unwrap()].status,
        "doing"
    );
    assert!(
        board
            .tasks
            .iter()
            .any(|t| t.progress.iter().any(|p| p.note == "乙补充的进展")),
        "乙's note kept"
    );
    for s in [&a, &b] {
        s.keys("q");
        assert_eq!(s.wait_exit(), 0, "{}", s.report(""));
    }
}

/// A keys.toml for the session `tag`, whose configuration folder is its own folder.
fn keys_toml(fx: &Fixture, tag: &str, text: &str) {
    let dir = fx.dir.path().join(tag).join("ducha");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("keys.toml"), text).unwrap();
}

#[test]
fn keys_rebound_in_keys_toml_work_and_show_in_the_footer_and_help() {
    let fx = Fixture::new(ZHUCHENG);
    keys_toml(
        &fx,
        "keys",
        "# 我的按键\n[board]\ncard_next = [\"w\"]\nhelp = [\"?\", \"F1\"]\n",
    );
    let s = Session::start(&fx, "keys", &zhucheng_args(), (120, 40), "");
    wait_zhucheng_opened(&s);
    s.wait_for("w/< 移动");
    // L no longer moves a card; w does.
    s.keys("L");
    s.keys("w");
    s.wait_for("S10 → 推进中");
    let screen = s.wait_for("[*未保存]");
    assert!(!screen.contains("按键设置有误"), "{screen}");
    s.keys("?");
    s.wait_until("help listing w", |sc| {
        sc.contains("w ") && sc.contains("卡片移到下一状态")
    });
    s.keys("q");
    s.keys("q");
    s.wait_for("保存并退出");
    s.keys("y");
    assert_eq!(s.wait_exit(), 0, "{}", s.report(""));
    assert_eq!(fx.bytes(), fx.original, "discarded on purpose");
}

#[test]
fn a_bad_keys_toml_is_named_with_its_line_and_the_default_keys_work() {
    let fx = Fixture::new(ZHUCHENG);
    keys_toml(&fx, "badkeys", "[board]\n\nmove_right = [\"d\"]\n");
    let s = Session::start(&fx, "badkeys", &zhucheng_args(), (120, 40), "");
    wait_zhucheng_opened(&s);
    let screen = s.wait_for("按键设置有误");
    // The footer names the file and line (the rest may be cut on a narrow screen; stderr has
    // it whole, below).
    assert!(
        screen.contains("使用默认按键") && screen.contains("keys.toml 第 3 行"),
        "{screen}"
    );
    // The defaults are in force: L moves the card, and d still asks to delete.
    s.keys("L");
    s.wait_for("S10 → 推进中");
    s.keys("d");
    s.wait_for("y 删除 / n 取消");
    s.keys("n");
    s.keys("u");
    s.wait_until("the move undone", |sc| !sc.contains("[*未保存]"));
    s.keys("q");
    assert_eq!(s.wait_exit(), 0, "{}", s.report(""));
    let stderr = s.read("stderr").unwrap_or_default();
    assert!(
        stderr.contains("keys.toml 第 3 行：board 模式中 d 同时绑定了 move_right 和 delete"),
        "{stderr}"
    );
}

#[test]
fn the_task_list_sorts_searches_and_opens_a_task() {
    let fx = Fixture::new(ZHUCHENG);
    let s = Session::start(&fx, "list", &zhucheng_args(), (80, 24), "");
    wait_zhucheng_opened(&s);
    s.keys("vvv");
    s.wait_for("全部任务（43）  ·  按阶段 ▲");
    // Phase → ID → … : `o` sorts by the next column, `O` reverses.
    s.keys("ooo");
    let screen = s.wait_for("按时限 ▲");
    let first = |sc: &str| -> Option<String> {
        sc.lines()
            .find(|l| l.starts_with("┃▶"))
            .and_then(|l| l.split_whitespace().nth(1).map(String::from))
    };
    // The earliest deadline of the board is a phase-1 task of 24 April.
    assert!(screen.contains("2017-04-24"), "{screen}");
    s.keys("O");
    let screen = s.wait_for("按时限 ▼");
    assert!(screen.contains("时限▼"), "{screen}");
    assert!(
        !screen.contains("2017-04-24"),
        "the latest deadlines first\n{screen}"
    );
    s.keys("/调度会\r");
    let screen = s.wait_until("the list narrowed by the search", |sc| {
        sc.contains("搜索=调度会") && !sc.contains("全部任务（43）")
    });
    let id = first(&screen).unwrap_or_else(|| panic!("no selected row\n{screen}"));
    s.keys("\r");
    let screen = s.wait_for("进展情况");
    assert!(screen.contains(&id), "details of {id}\n{screen}");
    s.keys("\x1b");
    s.wait_until("the details closed", |sc| !sc.contains("进展情况"));
    s.keys("q");
    assert_eq!(s.wait_exit(), 0, "{}", s.report(""));
}

#[test]
fn three_marked_cards_move_at_once_and_one_undo_takes_them_back() {
    let fx = Fixture::new(ZHUCHENG);
    let s = Session::start(&fx, "batch", &zhucheng_args(), (80, 24), "");
    wait_zhucheng_opened(&s);
    s.keys("   ");
    s.wait_for("已标记 3 项");
    s.keys(">");
    s.wait_for("已移动 3 项");
    s.keys("s");
    s.wait_for("已保存");
    let original = ducha::store::parse(std::str::from_utf8(&fx.original).unwrap())
        .unwrap()
        .board;
    let saved = ducha::store::load(&fx.board).unwrap().parsed.board;
    let moved: Vec<_> = original
        .tasks
        .iter()
        .zip(&saved.tasks)
        .filter(|(a, b)| a.status != b.status)
        .collect();
    assert_eq!(moved.len(), 3, "three tasks moved");
    for (before, after) in &moved {
        assert_eq!(
            (before.status.as_str(), after.status.as_str()),
            ("todo", "doing")
        );
        assert_eq!(
            after.progress.len(),
            before.progress.len() + 1,
            "{}",
            after.id
        );
        let entry = after.progress.last().unwrap();
        assert_eq!(entry.by, "测试员");
        assert!(entry.note.contains("未启动 → 推进中"), "{}", entry.note);
    }
    s.keys("u");
    s.wait_for("已撤销");
    s.keys("s");
    s.wait_until("saved again", |sc| {
        sc.contains("已保存") && !sc.contains("[*未保存]")
    });
    let saved = ducha::store::load(&fx.board).unwrap().parsed.board;
    assert_eq!(saved.tasks, original.tasks, "one undo took all three back");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0, "{}", s.report(""));
}

#[test]
fn a_note_pasted_with_cr_line_ends_keeps_its_lines() {
    let fx = Fixture::new(ZHUCHENG);
    let s = Session::start(&fx, "paste", &zhucheng_args(), (80, 24), "");
    wait_zhucheng_opened(&s);
    s.keys("p");
    s.wait_for("添加进展");
    // tmux pastes line ends as CR, as many terminals do, inside a bracketed paste.
    s.tmux_ok(&[
        "set-buffer",
        "-b",
        "note",
        "一、已召开调度会\n二、已印发通知\n三、下周督查",
    ]);
    s.tmux_ok(&["paste-buffer", "-p", "-b", "note", "-t", "e2e"]);
    let screen = s.wait_for("三、下周督查");
    assert!(
        screen
            .lines()
            .any(|l| l.contains("一、已召开调度会") && !l.contains("二、")),
        "each line on its own row\n{screen}"
    );
    // Enter adds a line, and the plain key Tab accepts the note.
    s.keys("\r");
    s.keys("四、月底前完成");
    let last = add_save_and_quit(&s, &fx);
    assert_eq!(
        last.note,
        "一、已召开调度会\n二、已印发通知\n三、下周督查\n四、月底前完成"
    );
    assert_eq!(last.by, "测试员");
}

/// Opens the Zhucheng board's first card's progress note, types 原来的文字 and hands it to the
/// editor (Ctrl-E).
fn start_note_in_editor(s: &Session) {
    wait_zhucheng_opened(s);
    s.keys("p");
    s.wait_for("添加进展");
    s.keys("原来的文字");
    s.wait_for("原来的文字");
    s.tmux_ok(&["send-keys", "-t", "e2e", "C-e"]);
}

/// Accepts the progress note being written (Tab), saves, quits, and gives the note as saved on
/// S10.
fn add_save_and_quit(s: &Session, fx: &Fixture) -> ducha::model::Progress {
    s.keys("\t");
    s.wait_for("已添加进展");
    s.keys("s");
    s.wait_for("已保存");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0, "{}", s.report(""));
    let task = fx.task(&fx.board, "S10");
    task.progress.last().cloned().expect("the note")
}

/// Writes an executable shell script `name` into the fixture's folder and returns its path.
fn script(fx: &Fixture, name: &str, body: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = fx.dir.path().join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

/// Waits for a file that something running in the session makes.
fn wait_file(s: &Session, path: &Path) {
    let start = Instant::now();
    while !path.exists() {
        if start.elapsed() > DEADLINE {
            panic!(
                "{} never appeared\n{}",
                path.display(),
                s.report(&s.screen())
            );
        }
        std::thread::sleep(POLL);
    }
}

#[test]
fn ctrl_e_edits_a_note_in_the_editor_on_a_cooked_main_screen_and_the_note_is_saved() {
    let fx = Fixture::new(ZHUCHENG);
    let d = fx.dir.path();
    // The editor records the terminal it was given and waits for the test to look at the
    // screen, then writes two lines of its own over the note.
    let editor = script(
        &fx,
        "editor.sh",
        "d=$(dirname \"$0\")\n\
         cp \"$1\" \"$d/given\"\n\
         stty -a > \"$d/stty\" 2>&1\n\
         touch \"$d/editing\"\n\
         n=0; while [ ! -e \"$d/go\" ] && [ $n -lt 200 ]; do sleep 0.05; n=$((n+1)); done\n\
         printf '一、已召开调度会\\n二、月底前完成整改\\n' > \"$1\"\n",
    );
    let tmp = d.join("tmp");
    std::fs::create_dir(&tmp).unwrap();
    let env = [
        ("VISUAL", ""),
        ("EDITOR", &*editor.to_string_lossy()),
        ("TMPDIR", &*tmp.to_string_lossy()),
    ];
    let s = Session::start_with_env(&fx, "editor", &zhucheng_args(), &env);
    start_note_in_editor(&s);
    wait_file(&s, &d.join("editing"));
    let flags = |s: &Session| {
        let out = s.tmux(&[
            "display",
            "-p",
            "-t",
            "e2e",
            "#{alternate_on} #{cursor_flag}",
        ]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    };
    assert_eq!(
        flags(&s),
        "0 1",
        "the editor gets the main screen and the cursor"
    );
    let stty = std::fs::read_to_string(d.join("stty")).unwrap();
    let words: Vec<&str> = stty.split_whitespace().collect();
    assert!(
        words.contains(&"icanon") && words.contains(&"echo"),
        "the editor gets a cooked terminal\n{stty}"
    );
    assert_eq!(
        std::fs::read_to_string(d.join("given")).unwrap(),
        "原来的文字\n"
    );
    std::fs::write(d.join("go"), "").unwrap();
    let screen = s.wait_until("the edited note in the dialog", |sc| {
        sc.contains("一、已召开调度会") && sc.contains("二、月底前完成整改")
    });
    assert!(
        screen.contains("添加进展"),
        "the dialog stays open\n{screen}"
    );
    assert!(
        screen.contains(ZHUCHENG_TITLE),
        "the board is drawn again\n{screen}"
    );
    assert!(
        !screen.contains("原来的文字"),
        "the text was replaced\n{screen}"
    );
    assert_eq!(flags(&s).split(' ').next(), Some("1"), "full screen again");
    let last = add_save_and_quit(&s, &fx);
    assert_eq!(last.note, "一、已召开调度会\n二、月底前完成整改");
    let yaml = String::from_utf8(fx.bytes()).unwrap();
    assert!(
        yaml.contains("一、已召开调度会") && yaml.contains("二、月底前完成整改"),
        "{yaml}"
    );
    assert_eq!(
        std::fs::read_dir(&tmp).unwrap().count(),
        0,
        "the editor's temporary folder is removed"
    );
}

#[test]
fn an_editor_that_fails_or_is_interrupted_leaves_the_note_as_it_was_and_says_so() {
    let fx = Fixture::new(ZHUCHENG);
    // The first time it fails; the second it waits for a line, as an editor in cooked mode.
    let editor = script(
        &fx,
        "fail.sh",
        "d=$(dirname \"$0\")\n\
         if [ ! -e \"$d/failed\" ]; then touch \"$d/failed\"; echo 改坏了 > \"$1\"; exit 3; fi\n\
         touch \"$d/reading\"\n\
         read line\n\
         echo \"$line\" > \"$1\"\n",
    );
    let env = [("VISUAL", ""), ("EDITOR", &*editor.to_string_lossy())];
    let s = Session::start_with_env(&fx, "fail", &zhucheng_args(), &env);
    start_note_in_editor(&s);
    let screen = s.wait_for("出错退出（状态 3），文字未改动");
    assert!(screen.contains("原来的文字"), "{screen}");
    assert!(!screen.contains("改坏了"), "{screen}");
    assert!(
        screen.contains("添加进展"),
        "the dialog stays open\n{screen}"
    );
    // Ctrl-C in an editor that leaves it a signal ends the editor, not ducha.
    s.tmux_ok(&["send-keys", "-t", "e2e", "C-e"]);
    wait_file(&s, &fx.dir.path().join("reading"));
    s.tmux_ok(&["send-keys", "-t", "e2e", "C-c"]);
    let screen = s.wait_for("被中止，文字未改动");
    assert!(screen.contains("进展： 原来的文字"), "{screen}");
    assert!(s.read("status").is_none(), "ducha ended\n{screen}");
    let last = add_save_and_quit(&s, &fx);
    assert_eq!(last.note, "原来的文字");
}

#[test]
fn a_large_board_is_on_screen_at_once_and_quitting_at_once_leaves_its_snapshot_whole() {
    let fx = Fixture::new("zhucheng-2017.yaml");
    let board = ducha::cli::gen::board(1_000, 3, ducha::cli::gen::default_center());
    std::fs::write(&fx.board, ducha::store::to_yaml(&board)).unwrap();
    let s = Session::start(&fx, "snapshot", &[], (120, 40), "");
    s.wait_for(&board.title);
    s.keys("q");
    assert_eq!(s.wait_exit(), 0, "{}", s.report(""));
    // Written beside the running board, and waited for on leaving: one whole snapshot.
    let cache = fx.dir.path().join("snapshot").join("cache");
    let names = names_in(&cache.join("ducha"));
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(names[0].ends_with(".bin"), "{names:?}");
    // The next open reads it rather than replacing it as damaged: the same file is marked used.
    let snapshot = cache.join("ducha").join(&names[0]);
    let past = std::time::SystemTime::now() - Duration::from_secs(3600);
    std::fs::File::open(&snapshot)
        .unwrap()
        .set_modified(past)
        .unwrap();
    let inode = |p: &Path| std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(p).unwrap());
    let before = inode(&snapshot);
    let check = Command::new(env!("CARGO_BIN_EXE_ducha"))
        .arg("check")
        .arg(&fx.board)
        .env("XDG_CACHE_HOME", &cache)
        .env_remove("DUCHA_NO_CACHE")
        .output()
        .unwrap();
    assert!(check.status.success(), "{check:?}");
    assert_eq!(inode(&snapshot), before);
    assert!(std::fs::metadata(&snapshot).unwrap().modified().unwrap() > past);
}

#[test]
fn a_large_board_with_errors_keeps_its_snapshot_so_the_next_open_says_them_at_once() {
    let fx = Fixture::new("zhucheng-2017.yaml");
    let mut board = ducha::cli::gen::board(1_000, 5, ducha::cli::gen::default_center());
    board.tasks[3].status = "pending".into();
    std::fs::write(&fx.board, ducha::store::to_yaml(&board)).unwrap();
    let s = Session::start(&fx, "errors", &[], (80, 24), "");
    assert_eq!(s.wait_exit(), 1, "{}", s.report(""));
    let kept = names_in(&fx.dir.path().join("errors").join("cache").join("ducha"));
    assert!(kept.len() == 1 && kept[0].ends_with(".bin"), "{kept:?}");
}
