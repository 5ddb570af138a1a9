//! Messages of the YAML reader in the board's language.
//!
//! serde and the YAML parser speak English. For a Chinese board the common messages are said in
//! Chinese, with the original kept in brackets so it can still be looked up.

use super::aliases::{Refused, MAX_ALIAS_BYTES};
use super::scan::{Exceeded, MAX_DEPTH, MAX_NODES};
use crate::model::Lang;

/// A limit on what a file may ask of the reader, where the file goes over it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Limit {
    /// Brackets nested too deep.
    Depth(usize, usize),
    /// Too many values.
    Nodes(usize, usize),
    /// Aliases that would copy too much.
    AliasBytes(usize, usize),
    /// Aliases followed too often.
    AliasRepeats(usize, usize),
    /// An alias inside the value it refers to.
    AliasLoop(usize, usize),
}

impl Limit {
    /// Line and column.
    pub fn pos(self) -> (usize, usize) {
        match self {
            Limit::Depth(l, c)
            | Limit::Nodes(l, c)
            | Limit::AliasBytes(l, c)
            | Limit::AliasRepeats(l, c)
            | Limit::AliasLoop(l, c) => (l, c),
        }
    }
}

impl From<Exceeded> for Limit {
    fn from(e: Exceeded) -> Limit {
        match e {
            Exceeded::Depth(l, c) => Limit::Depth(l, c),
            Exceeded::Nodes(l, c) => Limit::Nodes(l, c),
        }
    }
}

impl From<Refused> for Limit {
    fn from(r: Refused) -> Limit {
        match r {
            Refused::TooBig(l, c) => Limit::AliasBytes(l, c),
            Refused::TooMany(l, c) => Limit::AliasRepeats(l, c),
            Refused::Recursive(l, c) => Limit::AliasLoop(l, c),
        }
    }
}

/// What a limit says, in the board's language, with its number.
pub(super) fn limit(l: Limit, lang: Lang) -> String {
    let mib = MAX_ALIAS_BYTES >> 20;
    match (l, lang) {
        (Limit::Depth(..), Lang::Zh) => format!("方括号或花括号嵌套超过 {MAX_DEPTH} 层，拒绝读取"),
        (Limit::Depth(..), Lang::En) => {
            format!("brackets nested more than {MAX_DEPTH} deep; not read")
        }
        (Limit::Nodes(..), Lang::Zh) => format!("文件中的值超过 {MAX_NODES} 个，拒绝读取"),
        (Limit::Nodes(..), Lang::En) => {
            format!("more than {MAX_NODES} values in the file; not read")
        }
        (Limit::AliasBytes(..), Lang::Zh) => {
            format!("别名（*…）重复引用的内容超过 {mib} MiB 上限，拒绝读取")
        }
        (Limit::AliasBytes(..), Lang::En) => {
            format!("aliases (*…) repeat more than {mib} MiB of values; not read")
        }
        (Limit::AliasRepeats(..), Lang::Zh) => "别名层层嵌套引用，展开次数过多，拒绝读取".into(),
        (Limit::AliasRepeats(..), Lang::En) => {
            "aliases inside repeated values are followed too many times; not read".into()
        }
        (Limit::AliasLoop(..), Lang::Zh) => "别名引用了包含它自身的值，无法展开".into(),
        (Limit::AliasLoop(..), Lang::En) => {
            "an alias inside the value it refers to can never be expanded".into()
        }
    }
}

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

/// Reader errors said in plainer words, in both languages.
const PLAIN: &[(&str, &str, &str)] = &[
    (
        "recursion limit exceeded",
        "值嵌套超过 128 层，拒绝读取",
        "values nested more than 128 deep; not read",
    ),
    (
        "more than one document",
        "文件含有多个 YAML 文档（以 --- 分隔），看板只能有一个",
        "the file holds more than one YAML document (separated by ---); a board is one",
    ),
    (
        "control characters are not allowed",
        "文件中有 YAML 不允许的控制字符（如 ESC）；请删除，或在双引号中写成 \\u001B 这样的转义",
        "a control character (such as ESC) that YAML does not allow in a file; remove it, or write it as an escape such as \\u001B inside double quotes",
    ),
    (
        "repetition limit exceeded",
        "别名层层嵌套引用，展开次数过多，拒绝读取",
        "aliases inside repeated values are followed too many times; not read",
    ),
];

/// The message for a reader error, in the board's language.
pub(super) fn localize(detail: &str, lang: Lang) -> String {
    if let Some((_, zh, en)) = PLAIN.iter().find(|(key, _, _)| detail.contains(key)) {
        return lang.pick(zh, en).to_string();
    }
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
