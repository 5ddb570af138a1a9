//! Unit names in a cell: `市委办公室、市政府办公室` is a lead and a partner.

/// Characters that separate units in one cell (a line break too).
const SEPARATORS: &[char] = &['、', '，', ',', '；', ';', '/', '／', '\n'];

/// The unit names in a cell, in order, each once. A separator inside brackets does not split:
/// `各县（市、区）` is one name.
pub fn split(text: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut depth = 0usize;
    let push = |s: &mut String, names: &mut Vec<String>| {
        let name = s.split_whitespace().collect::<Vec<_>>().join(" ");
        if !name.is_empty() && !names.contains(&name) && !super::import::is_none_mark(&name) {
            names.push(name);
        }
        s.clear();
    };
    for c in text.chars() {
        match c {
            '（' | '(' | '【' | '[' | '《' => depth += 1,
            '）' | ')' | '】' | ']' | '》' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth == 0 && SEPARATORS.contains(&c) {
            push(&mut current, &mut names);
        } else {
            current.push(c);
        }
    }
    push(&mut current, &mut names);
    names
}

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn units_split_on_every_separator_but_not_inside_brackets() {
        assert_eq!(
            split("市委办公室、市政府办公室"),
            ["市委办公室", "市政府办公室"]
        );
        assert_eq!(
            split("甲，乙,丙；丁;戊/己\n庚"),
            ["甲", "乙", "丙", "丁", "戊", "己", "庚"]
        );
        assert_eq!(
            split("各县（市、区）、市直各部门"),
            ["各县（市、区）", "市直各部门"]
        );
        assert_eq!(split(" 市委  办公室 、、"), ["市委 办公室"]);
        assert_eq!(
            split("General Office, Finance Bureau"),
            ["General Office", "Finance Bureau"]
        );
        assert!(split("—").is_empty());
    }
}
