//! `ducha keys` and keys.toml from the command line, and `ducha` with no board to open.

mod support;

use std::path::Path;
use support::*;

/// `ducha ARGS` with its configuration in `config` (as `$XDG_CONFIG_HOME`).
fn with_config(dir: &Path, config: &Path, args: &[&str]) -> Run {
    command(dir)
        .env("XDG_CONFIG_HOME", config)
        .args(args)
        .output()
        .expect("run ducha")
        .into()
}

fn keys_toml(config: &Path, text: &str) {
    std::fs::create_dir_all(config.join("ducha")).unwrap();
    std::fs::write(config.join("ducha").join("keys.toml"), text).unwrap();
}

#[test]
fn keys_prints_one_binding_a_line_in_four_columns() {
    let dir = scratch();
    let run = with_config(dir.path(), dir.path(), &["keys"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(lines.len() > 150, "{}", lines.len());
    assert!(
        lines.iter().all(|l| l.split('\t').count() == 4),
        "{}",
        run.stdout
    );
    for line in [
        "board\tRight\tmove_right\t下一列",
        "board\tl\tmove_right\t下一列",
        "board\t?\thelp\t帮助（全部按键）",
        "confirm\ty\tyes\t是",
        "present\tSpace\tpause\t暂停 / 继续",
        "form_multi\tEnter\ttoggle\t选中 / 取消选中",
    ] {
        assert!(lines.contains(&line), "missing {line:?}");
    }
    let en = with_config(dir.path(), dir.path(), &["keys", "--lang", "en"]);
    assert!(en
        .stdout
        .lines()
        .any(|l| l == "board\tl\tmove_right\tnext column"));
}

#[test]
fn keys_shows_a_rebinding_from_keys_toml() {
    let dir = scratch();
    keys_toml(
        dir.path(),
        "[board]\ncard_next = [\"w\", \">\"]\n\n[present]\npause = \"x\"\n",
    );
    let run = with_config(dir.path(), dir.path(), &["keys"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run
        .stdout
        .lines()
        .any(|l| l.starts_with("board\tw\tcard_next\t")));
    assert!(!run
        .stdout
        .lines()
        .any(|l| l.starts_with("board\tL\tcard_next\t")));
    assert!(run
        .stdout
        .lines()
        .any(|l| l.starts_with("present\tx\tpause\t")));
    assert!(
        run.stdout
            .lines()
            .any(|l| l.starts_with("units\tL\tcard_next\t")),
        "other modes keep theirs"
    );
}

#[test]
fn a_bad_keys_toml_is_reported_with_its_file_and_line_and_the_defaults_stay() {
    let dir = scratch();
    for (text, line, what) in [
        (
            "[board]\n\nmove_right = [\"d\"]\n",
            3,
            "同时绑定了 move_right 和 delete",
        ),
        ("[board]\nmove_right = [\"l\"\n", 2, "不是有效的 TOML"),
        ("[bored]\nx = \"l\"\n", 1, "没有名为 bored 的模式"),
        (
            "[board]\nfly = \"l\"\n",
            2,
            "board 模式中没有名为 fly 的动作",
        ),
        (
            "[board]\nmove_right = \"Ctrl-Lefty\"\n",
            2,
            "无法识别的按键",
        ),
        (
            "[board]\nmove_right = \"Shift-Right\"\n",
            2,
            "至少要有一个普通按键",
        ),
    ] {
        keys_toml(dir.path(), text);
        let run = with_config(dir.path(), dir.path(), &["keys"]);
        assert_eq!(run.code, 1, "{text}");
        let expected = format!("ducha/keys.toml 第 {line} 行：");
        assert!(run.stderr.contains(&expected), "{text}: {}", run.stderr);
        assert!(run.stderr.contains(what), "{text}: {}", run.stderr);
        assert!(
            run.stdout
                .lines()
                .any(|l| l == "board\tl\tmove_right\t下一列"),
            "defaults"
        );
    }
    keys_toml(dir.path(), "[board]\nmove_right = [\"d\"]\n");
    let en = with_config(dir.path(), dir.path(), &["keys", "--lang", "en"]);
    let expected = "ducha/keys.toml:2: in mode board, d is bound to both move_right and delete";
    assert!(en.stderr.contains(expected), "{}", en.stderr);
}

#[test]
fn without_a_board_or_a_boards_folder_it_says_what_to_do() {
    let dir = scratch();
    let run = ducha(dir.path(), &[]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("没有 boards/ 目录"), "{}", run.stderr);
    assert!(
        run.stderr.contains("用法：ducha 看板文件.yaml"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("ducha gen --tasks 30"),
        "{}",
        run.stderr
    );
    let en = ducha(dir.path(), &["--lang", "en"]);
    assert_eq!(en.code, 2);
    assert!(
        en.stderr.contains("usage: ducha BOARD.yaml"),
        "{}",
        en.stderr
    );
    std::fs::create_dir(dir.path().join("boards")).unwrap();
    let empty = ducha(dir.path(), &["--lang", "en"]);
    assert_eq!(empty.code, 2);
    assert!(empty.stderr.contains("has no boards"), "{}", empty.stderr);
}

#[test]
fn docs_keys_lists_every_default_binding_and_every_mode() {
    let doc = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("docs")
            .join("KEYS.md"),
    )
    .unwrap();
    let keys = ducha::keymap::Keymap::defaults();
    for mode in ducha::keymap::Mode::ALL {
        assert!(
            doc.contains(&format!("### `[{}]`", mode.name())),
            "{mode:?}"
        );
        assert!(
            doc.contains(&format!("| `{}` |", mode.name())),
            "{mode:?} in the list of modes"
        );
    }
    for e in keys.all() {
        let names: Vec<String> = e.keys.iter().map(|k| format!("`{k}`")).collect();
        let row = format!(
            "| `{}` | {} | {} | {} |",
            e.name,
            names.join(" "),
            e.help(ducha::model::Lang::En),
            e.help(ducha::model::Lang::Zh)
        );
        assert!(doc.contains(&row), "docs/KEYS.md lacks {row}");
    }
}
