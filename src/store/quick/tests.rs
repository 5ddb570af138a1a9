//! The quick lexer against the full parser, on texts built from the pieces that make block
//! YAML hard: every event it hands out must be the parser's, at the parser's place.

use super::*;
use crate::store::testing::Xorshift;
use yaml_rust2::parser::Parser;

/// What the quick lexer made of a text: its events, and whether it read to the end.
fn quick_events(text: &str) -> (Vec<(Event<'_>, Mark)>, bool) {
    let mut out = Vec::new();
    let Some(mut q) = Quick::new(text) else {
        return (out, false);
    };
    loop {
        match q.next() {
            Ok((Event::StreamEnd, at)) => {
                out.push((Event::StreamEnd, at));
                return (out, true);
            }
            Ok(ev) => out.push(ev),
            Err(Unknown) => return (out, false),
        }
    }
}

/// The parser's events, up to its end or its error.
fn parser_events(text: &str) -> (Vec<(Event<'static>, Mark)>, bool) {
    let mut p = Parser::new_from_str(text);
    let mut out = Vec::new();
    loop {
        match p.next_token() {
            Ok((ev, m)) => {
                let end = matches!(ev, yaml_rust2::Event::StreamEnd);
                out.push((ev.into(), m.into()));
                if end {
                    return (out, true);
                }
            }
            Err(_) => return (out, false),
        }
    }
}

/// Whether the quick lexer agrees with the parser on `text`; and whether it read all of it.
fn agrees(text: &str) -> bool {
    let (quick, whole) = quick_events(text);
    let (full, valid) = parser_events(text);
    if whole {
        assert!(
            valid,
            "the quick lexer read a text the parser refuses: {text:?}"
        );
        assert_eq!(quick, full, "{text:?}");
    } else {
        // The parser may fail a line sooner (it reads ahead), never hand out other events.
        let n = quick.len().min(full.len());
        assert_eq!(quick[..n], full[..n], "{text:?}");
        assert!(quick.len() <= full.len() || !valid, "{text:?}");
    }
    whole
}

#[test]
fn a_board_as_written_is_read_whole_and_the_same() {
    let text = "title: 督查 看板  # 注\nlang: zh\nphases:\n  - {id: p1, name: 动员部署, start: 2024-01-01}\n  - {}\nempty:\ntasks:\n- id: G1\n  partners: [xcb, 'a, b', \"c\\\"d\"]\n  none: []\n  s: 'it''s'\n  progress:\n    - {at: 2024-01-08T09:00:00+08:00, by: 陈静, note: 现场 3 个}\n\n- id: G2\n  deep:\n    x: 1\n    y:\n# end\n";
    assert!(agrees(text));
    assert!(agrees(text.trim_end()));
}

#[test]
fn what_it_does_not_read_is_left_to_the_parser() {
    for text in [
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "a: |\n  text\n",
        "a: b\n  c\n",
        "---\na: 1\n",
        "a:\tb\n",
        "a: b\rc: d\n",
        "a: [1,\n  2]\n",
        "a: \"x\ny\"\n",
        "a: {b: {c: 1}}\n",
        "- - a\n",
        "a: b: c\n",
        "? a\n: b\n",
        "a: [x -]\n",
        "a: {k: x -, j: y}\n",
    ] {
        assert!(!agrees(text), "{text:?}");
    }
}

/// A small generator of texts from pieces of block YAML, right and wrong.
struct Texts(Xorshift);

impl Texts {
    fn next(&mut self) -> u64 {
        self.0.next()
    }

    fn pick<'s>(&mut self, from: &[&'s str]) -> &'s str {
        from[(self.next() % from.len() as u64) as usize]
    }

    fn key(&mut self) -> String {
        self.pick(&[
            "id", "标题", "a b", "a:b", "'q k'", "\"d k\"", "k ", "-k", "x#y",
        ])
        .into()
    }

    fn value(&mut self) -> String {
        self.pick(&[
            "",
            " ",
            " v",
            " 督查 组",
            " a:b",
            " a #c",
            " a#b",
            " 'it''s'",
            " \"e\\n\\u00e9\\x41\"",
            " \"bad\\q\"",
            " [a, b]",
            " []",
            " {}",
            " {a: 1, 'b': \"c\"}",
            " [a: b]",
            " {a}",
            " [a, ]",
            " [x] #c",
            " [x]y",
            " -1",
            " - a",
            " : a",
            " ~",
            " # c",
            " 'open",
            " a: b",
            " 2024-01-08T09:00:00+08:00",
            " {a: 1,b: 2}",
            " [-a, -]",
            " [a -]",
            " {k: x -, j: y}",
            " [x - , y -z]",
        ])
        .into()
    }

    /// A value that is mostly right: one of the wrong ones now and then.
    fn fair_value(&mut self) -> String {
        if self.next().is_multiple_of(10) {
            return self.value();
        }
        self.pick(&[
            " v",
            " 督查 组",
            " a:b",
            " a #c",
            " 'it''s'",
            " \"e\\n\\u00e9\\x41\"",
            " [a, b]",
            " []",
            " {}",
            " {a: 1, 'b': \"c\"}",
            " [x] #c",
            " -1",
            " ~",
            " 2024-01-08T09:00:00+08:00",
            " [-a, 'b c']",
            " 多 个 空格  ",
            "",
            " # 注",
        ])
        .into()
    }

    fn line(&mut self) -> String {
        let indent = " ".repeat([0, 0, 2, 2, 4, 4, 6, 1, 3][(self.next() % 9) as usize]);
        let body = match self.next() % 10 {
            0..=3 => format!("{}:{}", self.key(), self.value()),
            4 | 5 => format!("- {}:{}", self.key(), self.value()),
            6 => format!("-{}", self.value()),
            7 => "# 注释".to_string(),
            8 => String::new(),
            _ => self.pick(&["-", "- ", "...", "a", "- - b", "---"]).into(),
        };
        format!("{indent}{body}")
    }

    /// A block at `indent` columns, mostly as it should be: a mapping or a list, values on the
    /// line or nested below, comments and blank lines between.
    fn block(&mut self, indent: usize, depth: usize, out: &mut Vec<String>) {
        let pad = " ".repeat(indent);
        let map = self.next().is_multiple_of(2);
        for _ in 0..1 + self.next() % 4 {
            let nest = depth < 3 && self.next().is_multiple_of(3);
            let head = if map {
                format!("{pad}{}:", self.key())
            } else {
                format!("{pad}-")
            };
            match (nest, self.next() % 6) {
                (true, 0) if map => {
                    // A list at its key's own column.
                    out.push(head);
                    self.block_list(indent, depth + 1, out);
                }
                (true, _) => {
                    out.push(head);
                    let deeper = indent + 1 + (self.next() % 4) as usize;
                    self.block(deeper, depth + 1, out);
                }
                (false, 0) if !map => {
                    // A mapping on the item's own line.
                    let key = self.key();
                    let value = self.fair_value();
                    out.push(format!("{pad}- {key}:{value}"));
                    for _ in 0..self.next() % 3 {
                        let key = self.key();
                        let value = self.fair_value();
                        out.push(format!("{pad}  {key}:{value}"));
                    }
                }
                _ => {
                    let value = self.fair_value();
                    out.push(format!("{head}{value}"));
                }
            }
            match self.next() % 8 {
                0 => out.push(String::new()),
                1 => out.push(format!("{}# 注", " ".repeat((self.next() % 6) as usize))),
                2 => out.push(self.line()),
                _ => {}
            }
        }
    }

    fn block_list(&mut self, indent: usize, depth: usize, out: &mut Vec<String>) {
        let pad = " ".repeat(indent);
        for _ in 0..1 + self.next() % 3 {
            let value = self.fair_value();
            out.push(format!("{pad}-{value}"));
            if depth < 3 && self.next().is_multiple_of(4) {
                self.block(indent + 2, depth + 1, out);
            }
        }
    }

    fn text(&mut self) -> String {
        if self.next().is_multiple_of(2) {
            let mut lines = Vec::new();
            let indent = [0, 0, 2][(self.next() % 3) as usize];
            self.block(indent, 0, &mut lines);
            if !self.next().is_multiple_of(3) {
                lines.push(String::new());
            }
            return lines.join("\n");
        }
        let n = 1 + self.next() % 12;
        let mut lines: Vec<String> = (0..n).map(|_| self.line()).collect();
        if !self.next().is_multiple_of(3) {
            lines.push(String::new());
        }
        lines.join("\n")
    }
}

#[test]
fn on_many_generated_texts_every_event_handed_out_is_the_parsers() {
    // More with DUCHA_FUZZ_CASES, as for the loader's fuzz test.
    let cases = std::env::var("DUCHA_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .map_or(20_000, |n: usize| n * 10);
    let seed = std::env::var("DUCHA_FUZZ_SEED")
        .ok()
        .and_then(|n| n.parse().ok());
    let mut texts = Texts(Xorshift(seed.unwrap_or(0x9E37_79B9_7F4A_7C15)));
    let whole = (0..cases)
        .filter(|_| {
            let text = texts.text();
            // Windows line ends are read too, with the same places as the parser gives.
            let crlf = text.replace('\n', "\r\n");
            assert_eq!(agrees(&crlf), agrees(&text), "{crlf:?}");
            agrees(&text)
        })
        .count();
    eprintln!("read whole: {whole} of {cases}");
    // Both outcomes must be common, or the test proves little.
    assert!(whole > cases / 20, "read whole: {whole} of {cases}");
    assert!(whole < cases * 19 / 20, "read whole: {whole} of {cases}");
}

#[test]
fn the_sample_boards_are_read_whole() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("boards");
    let mut read = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let text = std::fs::read_to_string(&path).unwrap();
            let crlf = text.replace('\n', "\r\n");
            read.push((
                path.file_name().unwrap().to_owned(),
                agrees(&text) && agrees(&crlf),
            ));
        }
    }
    assert!(read.iter().all(|r| r.1), "{read:?}");
}
