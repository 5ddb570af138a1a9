//! The examples in docs/FORMAT.md are real boards: they parse, check clean and round-trip.

use ducha::model::Raw;
use ducha::store::{parse, to_yaml};

fn doc() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/FORMAT.md");
    std::fs::read_to_string(path).expect("docs/FORMAT.md")
}

/// The YAML code blocks of the document, in order.
fn yaml_blocks(doc: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for line in doc.lines() {
        match (&mut current, line.trim_end()) {
            (None, "```yaml") => current = Some(String::new()),
            (Some(_), "```") => out.extend(current.take()),
            (Some(block), l) => {
                block.push_str(l);
                block.push('\n');
            }
            (None, _) => {}
        }
    }
    out
}

#[test]
fn the_full_example_checks_clean_and_round_trips() {
    let doc = doc();
    let example = doc
        .split("## Full example")
        .nth(1)
        .map(yaml_blocks)
        .and_then(|b| b.into_iter().next())
        .expect("a yaml block under Full example");
    let parsed = parse(&example).expect("the full example parses");
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let b = &parsed.board;
    assert_eq!(b.tasks.len(), 4);
    assert_eq!(b.tasks[1].partners, ["zzb", "xcb"]);
    assert!(b.tasks[3].deadline.is_none());
    assert_eq!(
        b.tasks[1].progress[1].note,
        "全部报送完毕；\n退回修改 3 份。\n"
    );
    assert!(matches!(&b.tasks[2].extra.0[0], (k, Raw::Int(1)) if k == "priority"));
    let written = to_yaml(b);
    assert_eq!(parse(&written).expect("canonical parses").board, *b);
    assert!(written.contains("    partners: [zzb, xcb]\n"));
}

#[test]
fn every_yaml_snippet_parses() {
    let doc = doc();
    let blocks = yaml_blocks(&doc);
    assert!(blocks.len() >= 7, "{} blocks", blocks.len());
    for block in blocks {
        // Snippets of one section are shown indented as in a board; wrap them so they parse.
        let text = if block.starts_with("title:") {
            block.clone()
        } else if block.starts_with("    progress:") {
            format!("title: t\nphases: []\ntasks:\n  - id: x\n{block}")
        } else {
            format!("title: t\n{block}")
        };
        if let Err(d) = parse(&text) {
            panic!("a snippet does not parse: {d:?}\n{block}");
        }
    }
}
