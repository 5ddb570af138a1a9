//! The canonical output is YAML every common reader reads back to the same values: checked with
//! PyYAML's pure-Python reader (the strictest of the common ones; `yq` is built on it), on the
//! sample boards, a generated one, and boards full of text that readers disagree about.
//! Skipped, with a message, where `python3` with PyYAML is not installed.

mod support;

use serde_json::{json, Value as Json};
use std::process::Command;

/// The value as JSON, with what JSON lacks spelled out the same way on both sides.
fn json_of(v: &serde_yaml::Value) -> Json {
    use serde_yaml::Value as Y;
    match v {
        Y::Null => Json::Null,
        Y::Bool(b) => json!(b),
        Y::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => json!(i),
            (_, Some(u), _) => json!(u),
            (_, _, Some(f)) if f.is_nan() => json!("NaN"),
            (_, _, Some(f)) if f.is_infinite() => json!(if f > 0.0 { "inf" } else { "-inf" }),
            (_, _, f) => json!(f),
        },
        Y::String(s) => json!(s),
        Y::Sequence(items) => Json::Array(items.iter().map(json_of).collect()),
        Y::Mapping(m) => Json::Object(m.iter().map(|(k, v)| (key_of(k), json_of(v))).collect()),
        Y::Tagged(t) => json_of(&t.value),
    }
}

fn key_of(k: &serde_yaml::Value) -> String {
    match json_of(k) {
        Json::String(s) => s,
        Json::Null => "~".into(),
        other => other.to_string(),
    }
}

const PYTHON: &str = r#"
import json, math, sys, yaml

class Loader(yaml.SafeLoader):
    pass

# Dates and times stay text, as the board reads them; a merge key is a key like any other to
# the board (the canonical form keeps it a plain `<<`, so readers that merge still merge).
PLAIN = ('tag:yaml.org,2002:timestamp', 'tag:yaml.org,2002:merge')
Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag not in PLAIN]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

def norm(v):
    if isinstance(v, bool) or v is None or isinstance(v, str):
        return v
    if isinstance(v, int):
        return v
    if isinstance(v, float):
        if math.isnan(v):
            return "NaN"
        if math.isinf(v):
            return "inf" if v > 0 else "-inf"
        return v
    if isinstance(v, list):
        return [norm(x) for x in v]
    if isinstance(v, dict):
        return {key(k): norm(x) for k, x in v.items()}
    return repr(v)

def key(k):
    if k is None:
        return "~"
    if isinstance(k, bool):
        return "true" if k else "false"
    if isinstance(k, str):
        return k
    return json.dumps(norm(k))

text = open(sys.argv[1], encoding="utf-8").read()
want = json.load(open(sys.argv[2], encoding="utf-8"))
got = norm(yaml.load(text, Loader=Loader))
def first_difference(a, b, path=""):
    if isinstance(a, dict) and isinstance(b, dict) and a.keys() == b.keys():
        for k in a:
            d = first_difference(a[k], b[k], path + "." + k)
            if d:
                return d
        return None
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, "%s[%d]" % (path, i))
            if d:
                return d
        return None
    return None if a == b else "%s: PyYAML %r, ducha %r" % (path, a, b)

if got != want:
    print("first difference at", first_difference(got, want))
    sys.exit(1)
"#;

/// Whether python3 with PyYAML is here; says so when not.
fn pyyaml() -> bool {
    let ok = Command::new("python3")
        .args(["-c", "import yaml"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("skipped: python3 with PyYAML (python3-yaml) is not installed");
    }
    ok
}

/// Asserts that PyYAML reads `text` (canonical output) as the YAML reader of ducha does.
fn same_for_pyyaml(what: &str, text: &str) {
    let ours: serde_yaml::Value = serde_yaml::from_str(text)
        .unwrap_or_else(|e| panic!("{what}: our reader refuses our output: {e}\n{text}"));
    let dir = support::scratch();
    let (yaml, want, script) = (
        dir.path().join("b.yaml"),
        dir.path().join("want.json"),
        dir.path().join("check.py"),
    );
    std::fs::write(&yaml, text).unwrap();
    std::fs::write(&want, json_of(&ours).to_string()).unwrap();
    std::fs::write(&script, PYTHON).unwrap();
    let out = Command::new("python3")
        .arg(&script)
        .arg(&yaml)
        .arg(&want)
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "{what}: PyYAML reads it differently\n{}{}\n--- text:\n{text}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Text readers disagree about when it is written plain.
const TRICKY: &[&str] = &[
    "https://example.cn/plan?id=3&x=1#top",
    "a?b",
    "? x",
    "C:\\",
    "- x",
    "-x",
    "一 -",
    "a -",
    "x: y",
    "x #y",
    "x#y",
    "yes",
    "No",
    "ON",
    "~",
    "null",
    "=",
    "<<",
    "1_000",
    "1:30",
    "0x1F",
    "0o17",
    "017",
    "+12",
    "1e3",
    ".5",
    ".inf",
    ".NaN",
    "2024-01-01",
    "2024-1-1",
    "12:30:45",
    "'quoted'",
    "\"double\"",
    "a\u{85}b",
    "a\u{2028}b\u{2029}c",
    "\u{feff}bom",
    "bad\u{fffe}char",
    "tab\there",
    "line\nbreak\n",
    "trailing ",
    " leading",
    "...",
    "---",
    "%TAG",
    "@at",
    "`tick",
    "督查{室}[一],二",
    "emoji \u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}",
    "bidi \u{202e}x",
    "esc \u{1b}[31m",
    "",
];

/// `s` in double quotes, with everything but printable ASCII and CJK escaped.
fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            ' '..='~' | '\u{4e00}'..='\u{9fff}' | '\u{3000}'..='\u{303f}' => out.push(c),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push_str(&format!("\\U{:08X}", c as u32)),
        }
    }
    out.push('"');
    out
}

fn tricky_board() -> String {
    let mut t = String::from(
        "title: tricky\nlang: en\nphases:\n  - {id: p1, name: a, start: 2024-01-01, end: 2024-12-31}\n",
    );
    let q = |s: &str| quoted(s);
    t.push_str("units:\n");
    for (i, s) in TRICKY.iter().enumerate() {
        t.push_str(&format!(
            "  - {{id: u{i}, name: {}, extra: {}}}\n",
            q(s),
            q(s)
        ));
    }
    t.push_str("flow: [");
    t.push_str(&TRICKY.iter().map(|s| q(s)).collect::<Vec<_>>().join(", "));
    t.push_str("]\nnested:\n");
    for (i, s) in TRICKY.iter().enumerate() {
        t.push_str(&format!(
            "  k{i}: {{{}: {}, list: [{}]}}\n",
            q(s),
            q(s),
            q(s)
        ));
    }
    t.push_str(&format!("? {}\n: long key\n", q(&"k".repeat(1500))));
    t.push_str("defaults: {phase: p1, lead: u1}\nmerged:\n  <<: {a: 1}\n  b: 2\n");
    // Spelled as every reader reads them alike: a spelling that readers take differently
    // (`1e20` is text to PyYAML) is the file's own and is kept as written.
    t.push_str("numbers: [0, -1, 9223372036854775807, 18446744073709551615, 1.5, -0.0, 1.0e+20, 1.5e-7, .inf, -.inf, .nan, 3.0]\n");
    t.push_str("tasks:\n");
    for (i, s) in TRICKY.iter().enumerate() {
        t.push_str(&format!(
            "  - id: T{i}\n    title: {}\n    phase: p1\n    lead: u0\n    category: {}\n    note: {}\n    progress:\n      - {{at: 2024-01-02, by: {}, note: {}, more: {}}}\n",
            q(&format!("t{s}")),
            q(&format!("c{s}")),
            q(s),
            q(s),
            q(s),
            q(s)
        ));
    }
    t
}

#[test]
fn pyyaml_reads_the_canonical_output_as_ducha_does() {
    if !pyyaml() {
        return;
    }
    let parsed = ducha::store::parse(&tricky_board()).expect("tricky board parses");
    let written = ducha::store::to_yaml(&parsed.board);
    same_for_pyyaml("tricky board", &written);
    // The output reads back to the same board (compared as text: NaN is not equal to itself),
    // and is stable.
    let again = ducha::store::parse(&written).expect("output parses").board;
    assert_eq!(format!("{again:?}"), format!("{:?}", parsed.board));
    assert_eq!(ducha::store::to_yaml(&again), written);

    for name in std::fs::read_dir(support::sample("")).unwrap().flatten() {
        let path = name.path();
        if path.extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let b = ducha::store::parse(&text).expect("sample parses").board;
        same_for_pyyaml(&path.display().to_string(), &ducha::store::to_yaml(&b));
    }
    let generated = ducha::cli::gen::board(300, 7, ducha::cli::gen::default_center());
    same_for_pyyaml("generated", &ducha::store::to_yaml(&generated));
}
