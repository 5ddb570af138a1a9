//! Messages of the YAML reader in the board's language.
//!
//! serde and the YAML parser speak English. For a Chinese board the common messages are said in
//! Chinese, with the original kept in brackets so it can still be looked up.

use crate::model::Lang;

/// What a serde "found" or "expected" phrase means, in Chinese.
fn kind(s: &str) -> String {
    let s = s.trim();
    let quoted = |prefix: &str, zh: &str| {
        s.strip_prefix(prefix)
            .map(|v| format!("{zh} {}", v.trim().trim_matches('`')))
    };
    quoted("string ", "文字")
        .or_else(|| quoted("integer ", "整数"))
        .or_else(|| quoted("floating point ", "小数"))
        .or_else(|| quoted("boolean ", "布尔值"))
        .unwrap_or_else(|| {
            match s {
                "sequence" | "a sequence" => "列表",
                "map" | "a mapping" | "a map" => "映射（键: 值）",
                "unit value" | "null" => "空值",
                "u32" | "u64" | "an integer" => "非负整数",
                "text" | "a string" => "文字",
                "a list of ids" => "编号列表（[a, b] 或以逗号、顿号分隔）",
                "a boolean" => "true 或 false",
                "any value" => "任意值",
                other => other,
            }
            .to_string()
        })
}

/// Known parser phrases and their Chinese.
const SYNTAX: &[(&str, &str)] = &[
    (
        "did not find expected ',' or '}'",
        "花括号 { } 没有闭合，或缺少逗号",
    ),
    (
        "did not find expected ',' or ']'",
        "方括号 [ ] 没有闭合，或缺少逗号",
    ),
    ("did not find expected key", "缩进不对，或缺少“键:”"),
    ("did not find expected node content", "这里缺少内容"),
    ("did not find expected '-' indicator", "列表项缩进不一致"),
    (
        "mapping values are not allowed in this context",
        "这里不能出现“键: 值”（可能缺少引号或缩进不对）",
    ),
    (
        "found character that cannot start any token",
        "这个字符不能出现在这里（例如制表符或 @、` 开头）",
    ),
    (
        "found unexpected end of stream",
        "文件意外结束（引号或括号没有闭合？）",
    ),
    ("found unknown escape character", "双引号中的转义字符不对"),
    (
        "found a tab character that violates indentation",
        "缩进里有制表符，请改用空格",
    ),
    ("could not find expected ':'", "缺少冒号“:”"),
];

/// The message for a reader error, in the board's language.
pub(super) fn localize(detail: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return detail.to_string();
    }
    if let Some(rest) = detail.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.rsplit_once(", expected ") {
            return format!(
                "格式错误：类型不对，这里是{}，应为{}（{detail}）",
                kind(found),
                kind(expected)
            );
        }
    }
    if let Some(rest) = detail.strip_prefix("invalid value: ") {
        if let Some((found, expected)) = rest.rsplit_once(", expected ") {
            return format!(
                "格式错误：取值不对，这里是{}，应为{}（{detail}）",
                kind(found),
                kind(expected)
            );
        }
    }
    if let Some(key) = detail.strip_prefix("duplicate key ") {
        return format!("格式错误：键 {} 重复（{detail}）", key.trim_matches('`'));
    }
    if let Some((_, zh)) = SYNTAX.iter().find(|(en, _)| detail.contains(en)) {
        return format!("YAML 语法错误：{zh}（{detail}）");
    }
    format!("格式错误：{detail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_messages_are_said_in_chinese_with_the_original_kept() {
        assert_eq!(
            localize("invalid type: string \"很多\", expected u32", Lang::Zh),
            "格式错误：类型不对，这里是文字 \"很多\"，应为非负整数（invalid type: string \"很多\", expected u32）"
        );
        assert!(
            localize("invalid type: map, expected a list of ids", Lang::Zh)
                .starts_with("格式错误：类型不对，这里是映射（键: 值），应为编号列表")
        );
        assert!(localize(
            "did not find expected ',' or '}', while parsing a flow mapping at line 3 column 5",
            Lang::Zh
        )
        .starts_with("YAML 语法错误：花括号 { } 没有闭合"));
        assert_eq!(
            localize("something new", Lang::Zh),
            "格式错误：something new"
        );
        assert_eq!(
            localize("invalid type: sequence, expected text", Lang::En),
            "invalid type: sequence, expected text"
        );
    }
}
