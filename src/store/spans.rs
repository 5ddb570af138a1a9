//! Where each field path starts in the file, so problems found after parsing get a line number.
//!
//! Only computed when there is something to report, so loading a good board pays nothing for it.

use std::collections::HashMap;
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

enum Frame {
    Map { path: String, key: Option<String> },
    Seq { path: String, next: usize },
}

#[derive(Default)]
struct Recorder {
    stack: Vec<Frame>,
    at: HashMap<String, (usize, usize)>,
}

fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

impl Recorder {
    /// The path of a node starting now, or `None` when the node is a mapping key.
    fn node_path(&mut self, scalar: Option<&str>) -> Option<String> {
        match self.stack.last_mut() {
            None => Some(String::new()),
            Some(Frame::Seq { path, next }) => {
                *next += 1;
                Some(format!("{path}[{}]", *next - 1))
            }
            Some(Frame::Map { path, key }) => match key.take() {
                Some(k) => Some(join(path, &k)),
                None => {
                    *key = Some(scalar.unwrap_or("?").to_string());
                    None
                }
            },
        }
    }

    fn record(&mut self, path: &str, mark: Marker) {
        self.at
            .entry(path.to_string())
            .or_insert((mark.line(), mark.col() + 1));
    }
}

impl MarkedEventReceiver for Recorder {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        match ev {
            Event::Scalar(ref value, ..) => {
                let parent_is_map = matches!(self.stack.last(), Some(Frame::Map { key: None, .. }));
                match self.node_path(Some(value)) {
                    Some(path) => self.record(&path, mark),
                    None if parent_is_map => {
                        // A key: its line is where a problem with its value is best shown.
                        // The mapping itself is placed at its first key, where block style starts it.
                        if let Some(Frame::Map { path, key: Some(k) }) = self.stack.last() {
                            let (map, p) = (path.clone(), join(path, k));
                            self.record(&map, mark);
                            self.record(&p, mark);
                        }
                    }
                    None => {}
                }
            }
            Event::Alias(_) => {
                if let Some(path) = self.node_path(None) {
                    self.record(&path, mark);
                }
            }
            Event::SequenceStart(..) => {
                let path = self.node_path(None).unwrap_or_default();
                self.record(&path, mark);
                self.stack.push(Frame::Seq { path, next: 0 });
            }
            Event::MappingStart(..) => {
                let path = self.node_path(None).unwrap_or_default();
                self.stack.push(Frame::Map { path, key: None });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                self.stack.pop();
            }
            _ => {}
        }
    }
}

/// Line and column (1-based) of every field path in `text`.
pub(super) fn positions(text: &str) -> HashMap<String, (usize, usize)> {
    let mut rec = Recorder::default();
    let mut parser = Parser::new_from_str(text);
    // Event by event rather than `load`, which recurses once per level of nesting. A parse
    // failure here only means fewer positions; serde already accepted the text.
    while let Ok((ev, mark)) = parser.next_token() {
        match ev {
            Event::StreamEnd | Event::DocumentEnd => break,
            ev => rec.on_event(ev, mark),
        }
    }
    rec.at
}

/// The position of `path`, or of its nearest ancestor that exists in the file.
pub(super) fn locate(at: &HashMap<String, (usize, usize)>, path: &str) -> Option<(usize, usize)> {
    let mut p = path;
    loop {
        if let Some(pos) = at.get(p) {
            return Some(*pos);
        }
        let cut = p.rfind(['.', '['])?;
        p = &p[..cut];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_paths_in_block_and_flow_style() {
        let text = "title: x\nphases:\n  - {id: p1, start: 2017-04-20}\ntasks:\n  - id: T1\n    deadline: 2017-02-30\n";
        let at = positions(text);
        assert_eq!(at.get("title"), Some(&(1, 1)));
        assert_eq!(at.get("phases[0].start"), Some(&(3, 14)));
        assert_eq!(at.get("tasks[0].deadline"), Some(&(6, 5)));
        assert_eq!(locate(&at, "tasks[0].title"), Some((5, 5)));
    }
}
