use super::*;
use crate::cli::gen;
use crate::model::Board;
use crate::store::testing::Xorshift;
use chrono::NaiveDate;

fn generated(n: usize) -> String {
    let center = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
    crate::store::to_yaml(&gen::board(n, 7, center))
}

/// How many items lie before and after a cut.
fn items(text: &str, cut: &Cut) -> Option<(usize, usize)> {
    let head = count(&text[cut.list..cut.at], cut.indent)?;
    Some((head, count(&text[cut.at..], cut.indent)?))
}

/// The board and the problems reading found, by one reading function.
fn outcome(
    reading: Result<Reading, Diagnostic>,
) -> Result<(Option<Board>, Vec<Diagnostic>), Diagnostic> {
    reading.map(|r| (r.file.map(|f| super::super::build::build(f).0), r.errors))
}

/// Reading in pieces gives exactly what reading in one piece gives.
fn same_as_one_piece(text: &str) {
    let pieces = outcome(read(text, Lang::Zh, None));
    let whole = outcome(reader::read(text, Lang::Zh, None));
    assert_eq!(pieces, whole);
}

#[test]
fn a_generated_board_is_cut_between_two_items_near_the_middle() {
    let text = generated(1000);
    let cut = cut(&text, MIN_BYTES).expect("a generated board of 1,000 tasks can be cut");
    assert_eq!(items(&text, &cut).map(|(h, r)| h + r), Some(1000));
    assert!(
        text[cut.at..].starts_with("  - id: "),
        "{:?}",
        &text[cut.at..cut.at + 20]
    );
    let middle = text.len() / 2;
    assert!(
        cut.at >= middle && cut.at < middle + 2000,
        "{} vs {middle}",
        cut.at
    );
    let pieces = read_cut(&text, &cut, Lang::Zh, None).expect("both pieces read");
    assert_eq!(
        pieces
            .file
            .as_ref()
            .and_then(|f| f.tasks.as_ref())
            .map(|t| t.len()),
        Some(1000)
    );
    same_as_one_piece(&text);
}

#[test]
fn progress_is_told_as_the_whole_text() {
    let text = generated(2000);
    let mut seen = Vec::new();
    let mut note = |done: usize, of: usize| seen.push((done, of));
    read(&text, Lang::Zh, Some(&mut note)).unwrap();
    assert!(!seen.is_empty());
    assert!(
        seen.iter()
            .all(|&(done, of)| of == text.len() && done <= of),
        "{seen:?}"
    );
}

#[test]
fn small_boards_are_read_in_one_piece() {
    assert_eq!(cut(&generated(100), MIN_BYTES), None);
}

#[test]
fn texts_the_pieces_could_read_otherwise_are_not_cut() {
    let text = generated(1000);
    // An anchor could be named in the other piece; a directive changes what tags mean.
    let anchored = text.replacen("  - id: G0500\n", "  - id: &x G0500\n", 1);
    assert_eq!(cut(&anchored, MIN_BYTES), None);
    assert!(cut(&format!("%YAML 1.2\n---\n{text}"), MIN_BYTES).is_none());
    // Another key after the list: the rest would not be a list alone.
    let after = format!("{text}log: []\n");
    let at = cut(&after, MIN_BYTES).expect("a cut, refused when counted");
    assert_eq!(items(&after, &at), None);
    assert!(read_cut(&after, &at, Lang::Zh, None).is_none());
    // A list written in brackets, or a value on the key's line.
    let commented = text.replacen("tasks:\n", "tasks: # 任务\n", 1);
    let at = cut(&commented, MIN_BYTES).expect("a cut");
    assert_eq!(items(&commented, &at).map(|(h, r)| h + r), Some(1000));
    assert_eq!(
        cut(&text.replacen("tasks:\n", "tasks: []\nx:\n", 1), MIN_BYTES),
        None
    );
    // `R&D` in a title is text, not an anchor.
    assert!(cut(&text.replacen("title: ", "title: R&D ", 1), MIN_BYTES).is_some());
}

#[test]
fn a_second_task_list_or_a_line_ended_by_a_lone_return_is_read_in_one_piece() {
    let text = generated(1000);
    // A `tasks` key given twice: whole, the second list is a duplicate and dropped.
    let twice = text.replacen("tasks:\n", "tasks: []\ntasks:\n", 1);
    let quoted = text.replacen("tasks:\n", "\"tasks\":\n  - id: Q1\ntasks:\n", 1);
    // A lone CR ends a line for YAML: a key after the list, or a directive, could hide there.
    let first_end = text.find("\n  - id: G0002").unwrap();
    let hidden_key = format!("{}\rlog:{}", &text[..first_end], &text[first_end..]);
    let hidden_tag = format!(
        "# c\r%TAG ! tag:example.com,2000:\n---\n{}",
        text.replacen("    title: ", "    x: !foo 1\n    title: ", 900)
    );
    for odd in [twice, quoted, hidden_key, hidden_tag] {
        if let Some(at) = cut(&odd, MIN_BYTES) {
            assert!(
                read_cut(&odd, &at, Lang::Zh, None).is_none(),
                "{}",
                &odd[..300]
            );
        }
        same_as_one_piece(&odd);
    }
}

#[test]
fn lines_that_only_look_like_items_read_as_the_whole_does() {
    // Every task's note holds a line that looks like the first line of an item. In block text
    // it is text: the cut passes it by, and the pieces read the notes whole.
    let text = generated(1000);
    let block = text.replace(
        "    category: ",
        "    note: |\n      甲\n      - id: X1\n    category: ",
    );
    let cut_at = cut(&block, MIN_BYTES).expect("a cut between items");
    assert!(block[cut_at.at..].starts_with("  - id: G"));
    assert!(read_cut(&block, &cut_at, Lang::Zh, None).is_some());
    same_as_one_piece(&block);
    // In quotes or brackets such a line breaks the file: the pieces give the whole file's
    // error, at its place, whichever line the cut picked.
    let quoted = text.replace(
        "    category: ",
        "    note: \"甲\n  - id: X1\n    title: 乙\"\n    category: ",
    );
    let flow = text.replace("    category: ", "    tags: [a,\n  - b]\n    category: ");
    for broken in [quoted, flow] {
        let cut_at = cut(&broken, MIN_BYTES).expect("a cut");
        assert!(read_cut(&broken, &cut_at, Lang::Zh, None).is_none());
        let whole = reader::read(&broken, Lang::Zh, None)
            .err()
            .expect("an error");
        // The first task's note, near the top: not a place in either piece.
        assert!(whole.pos.is_some_and(|(line, _)| line < 50), "{whole:?}");
        same_as_one_piece(&broken);
    }
}

#[test]
fn wrong_values_in_the_rest_are_placed_in_the_whole_file() {
    let text = generated(1000);
    let last = text.rfind("    title: ").unwrap();
    let wrong = format!(
        "{}    title: [1, 2]\n{}",
        &text[..last],
        &text[last..].split_once('\n').unwrap().1
    );
    let whole = outcome(reader::read(&wrong, Lang::Zh, None)).unwrap();
    assert_eq!(whole.1.len(), 1, "{:?}", whole.1);
    assert!(
        whole.1[0].pos.is_some_and(|(line, _)| line > 10_000),
        "{:?}",
        whole.1
    );
    let at = cut(&wrong, MIN_BYTES).expect("a cut");
    assert!(read_cut(&wrong, &at, Lang::Zh, None).is_none());
    same_as_one_piece(&wrong);
    // And a syntax error there is reported where it is.
    let broken = format!("{wrong}  - id: \"unclosed\n");
    let pieces = read(&broken, Lang::Zh, None).err().expect("a syntax error");
    assert_eq!(Some(pieces), reader::read(&broken, Lang::Zh, None).err());
}

#[test]
fn items_at_the_start_of_lines_and_crlf_line_ends_are_cut_too() {
    let text = generated(1000);
    let flush: String = {
        let (head, list) = text.split_at(list_start(&text).unwrap());
        let list: Vec<&str> = list
            .lines()
            .map(|l| l.strip_prefix("  ").unwrap_or(l))
            .collect();
        format!("{head}{}\n", list.join("\n"))
    };
    let crlf = text.replace('\n', "\r\n");
    for text in [flush, crlf] {
        let at = cut(&text, MIN_BYTES).expect("a cut");
        assert_eq!(items(&text, &at).map(|(h, r)| h + r), Some(1000));
        assert!(read_cut(&text, &at, Lang::Zh, None).is_some());
        same_as_one_piece(&text);
    }
}

/// A small generator of board texts full of what could make a cut misread: values that span
/// lines (block text, quotes, brackets), lines inside them that look like items, comments and
/// blank lines between items, tags, wrong values, items at any indentation, CRLF.
struct Texts(Xorshift);

impl Texts {
    fn next(&mut self) -> u64 {
        self.0.next()
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A value for a key at `key` columns, as written after `key: `: any value for a key the
    /// board does not know, mostly text for one it does (a wrong one now and then).
    fn value(&mut self, key: usize, known: bool) -> String {
        let more = " ".repeat(key + 2);
        let pick = match known {
            true if self.below(20) > 0 => [0, 1, 2, 3, 4, 5, 9, 10, 11, 15][self.below(10)],
            _ => self.below(16),
        };
        match pick {
            0 => "督查组".into(),
            1 => "\"a: b # c\"".into(),
            2 => "'it''s'".into(),
            3 => "\"第一行\\n  - id: X\"".into(),
            4 => format!("|\n{more}甲\n{more}- id: X\n{more}  - id: Y"),
            5 => format!(">-\n{more}折叠\n\n{more}行"),
            6 => "[a, b]".into(),
            7 => "{x: 1, y: [2, 3]}".into(),
            8 => format!("[a,\n{more}b]"),
            9 => format!("\"多行\n{more}继续\""),
            10 => "0x1F".into(),
            11 => "~".into(),
            12 => "!!str 2017".into(),
            13 => "[1, [2]]".into(),
            14 => format!("\n{more}k: v\n{more}l: [1]"),
            _ => "2024-01-01".into(),
        }
    }

    fn board(&mut self) -> String {
        let indent = [0, 2, 4][self.below(3)];
        let pad = " ".repeat(indent);
        let key = indent + 2;
        let kp = " ".repeat(key);
        let mut out = String::from(
            "title: 测试\nphases:\n  - {id: p1, name: 一, start: 2024-01-01, end: 2024-12-31}\nunits:\n  - {id: u1, name: 甲}\ntasks:\n",
        );
        for i in 0..6 + self.below(30) {
            if self.below(6) == 0 {
                out.push_str(&format!("{pad}# 第 {i} 项\n"));
            }
            if self.below(8) == 0 {
                out.push('\n');
            }
            out.push_str(&format!("{pad}- id: T{i}\n"));
            if self.below(60) == 0 {
                // A line ended by a lone CR, with a key at the start of the next.
                out.push_str(&format!("{kp}z: 1\rq: 2\n"));
            }
            for field in [
                "title", "phase", "lead", "status", "deadline", "note", "extra",
            ] {
                if self.below(3) == 0 {
                    continue;
                }
                let value = match field {
                    "phase" if self.below(2) == 0 => "p1".into(),
                    "lead" if self.below(2) == 0 => "u1".into(),
                    "note" | "extra" => self.value(key, false),
                    _ => self.value(key, true),
                };
                out.push_str(&format!("{kp}{field}: {value}\n"));
            }
            if self.below(3) == 0 {
                out.push_str(&format!(
                    "{kp}progress:\n{kp}  - {{at: 2024-06-01 09:00, by: 甲, note: {}}}\n",
                    ["好", "\"a, b\"", "[x]"][self.below(3)]
                ));
            }
        }
        if self.below(12) == 0 {
            out = out.replacen("tasks:\n", "tasks: []\ntasks:\n", 1);
        }
        if self.below(5) == 0 {
            out = out.replace('\n', "\r\n");
        }
        out
    }
}

#[test]
fn wherever_a_board_is_cut_its_pieces_read_as_the_whole_does() {
    let whole_of = |text: &str| {
        reader::read(text, Lang::Zh, None).map(|r| {
            (
                r.file.map(|f| super::super::build::build(f).0),
                r.errors,
                r.tags,
            )
        })
    };
    let mut texts = Texts(Xorshift(0x2545_F491_4F6C_DD1D));
    let (mut taken, mut refused) = (0, 0);
    for _ in 0..600 {
        let text = texts.board();
        let Some(at) = cut(&text, 0) else { continue };
        match read_cut(&text, &at, Lang::Zh, None) {
            Some(pieces) => {
                taken += 1;
                let pieces = (
                    pieces.file.map(|f| super::super::build::build(f).0),
                    pieces.errors,
                    pieces.tags,
                );
                assert_eq!(Ok(pieces), whole_of(&text), "{text}");
            }
            None => refused += 1,
        }
    }
    // Both ways are walked often: pieces joined, and pieces refused for a one-piece reading.
    assert!(
        taken > 100 && refused > 50,
        "taken {taken}, refused {refused}"
    );
}
