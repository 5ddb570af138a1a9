use super::*;
use crate::cli::gen;
use crate::model::Board;
use chrono::NaiveDate;

fn generated(n: usize) -> String {
    let center = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
    crate::store::to_yaml(&gen::board(n, 7, center))
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
    let cut = cut(&text).expect("a generated board of 1,000 tasks can be cut");
    assert_eq!(cut.head + cut.rest, 1000);
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
    assert_eq!(cut(&generated(100)), None);
}

#[test]
fn texts_the_pieces_could_read_otherwise_are_not_cut() {
    let text = generated(1000);
    // An anchor could be named in the other piece; a directive changes what tags mean.
    let anchored = text.replacen("  - id: G0500\n", "  - id: &x G0500\n", 1);
    assert_eq!(cut(&anchored), None);
    assert!(cut(&format!("%YAML 1.2\n---\n{text}")).is_none());
    // Another key after the list: the rest would not be a list alone.
    assert_eq!(cut(&format!("{text}log: []\n")), None);
    // A list written in brackets, or a value on the key's line.
    assert_eq!(
        cut(&text.replacen("tasks:\n", "tasks: # 任务\n", 1)).map(|c| c.head + c.rest),
        Some(1000)
    );
    assert_eq!(cut(&text.replacen("tasks:\n", "tasks: []\nx:\n", 1)), None);
    // `R&D` in a title is text, not an anchor.
    assert!(cut(&text.replacen("title: ", "title: R&D ", 1)).is_some());
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
    let cut_at = cut(&block).expect("a cut between items");
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
        let cut_at = cut(&broken).expect("a cut");
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
    let at = cut(&wrong).expect("a cut");
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
        let at = cut(&text).expect("a cut");
        assert_eq!(at.head + at.rest, 1000);
        assert!(read_cut(&text, &at, Lang::Zh, None).is_some());
        same_as_one_piece(&text);
    }
}
