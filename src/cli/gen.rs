//! `ducha gen --tasks N`: a realistic generated board for tests and benchmarks.

use crate::model::{Board, Extra, Lang, Phase, Progress, Short, Stamp, Task, Unit};
use crate::store;
use chrono::{Days, NaiveDate};
use std::io::Write;
use std::process::ExitCode;

/// A small deterministic generator (SplitMix64): the same seed gives the same board everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const UNITS: &[(&str, &str)] = &[
    ("swb", "市委办公室"),
    ("zfb", "市政府办公室"),
    ("zzb", "市委组织部"),
    ("xcb", "市委宣传部"),
    ("jw", "市纪委监委"),
    ("fgw", "市发展和改革委员会"),
    ("czj", "市财政局"),
    ("rsj", "市人力资源和社会保障局"),
    ("zrzy", "市自然资源和规划局"),
    ("zjj", "市住房和城乡建设局"),
    ("jtj", "市交通运输局"),
    ("slj", "市水利局"),
    ("nyj", "市农业农村局"),
    ("swj", "市商务局"),
    ("wlj", "市文化和旅游局"),
    ("wjw", "市卫生健康委员会"),
    ("yjj", "市应急管理局"),
    ("scj", "市市场监督管理局"),
    ("xfj", "市信访局"),
    ("spj", "市行政审批服务局"),
    ("gxj", "市工业和信息化局"),
    ("jyj", "市教育局"),
    ("mzj", "市民政局"),
    ("stj", "市生态环境局"),
];
const VERBS: &[&str] = &[
    "推进", "开展", "落实", "完善", "健全", "深化", "加快", "组织", "建立", "强化",
];
const OBJECTS: &[&str] = &[
    "重点项目落地投产",
    "闲置低效工业用地清理",
    "土地报批",
    "“三改一拆”",
    "信访积案化解",
    "营商环境专项整治",
    "干部作风专项督查",
    "政务服务“一网通办”",
    "农村人居环境整治",
    "防汛抗旱准备",
    "安全生产大排查",
    "“个转企、小上规”",
    "招商引资项目签约",
    "老旧小区改造",
    "基层减负",
    "专题学习研讨",
    "民主生活会问题整改",
    "重大项目并联审批",
    "企业服务专员制度",
    "群众反映问题办理",
];
const SUFFIXES: &[&str] = &[
    "工作",
    "专项行动",
    "攻坚",
    "机制",
    "三年行动计划",
    "工作方案",
    "集中整治",
];
const CATEGORIES: &[&str] = &[
    "经济运行",
    "项目建设",
    "作风建设",
    "民生保障",
    "安全稳定",
    "改革创新",
];
const PHASES: &[&str] = &["动员部署", "查摆问题", "集中整改", "督查推进", "总结提升"];
const NOTES: &[&str] = &[
    "已召开专题会议研究部署",
    "完成阶段性目标，形成工作台账",
    "已报送进展情况",
    "存在资金缺口，正在协调",
    "现场督查发现问题 3 个，已督促整改",
    "已完成招标，进场施工",
    "方案已印发",
    "牵头单位已约谈",
];
const PEOPLE: &[&str] = &["张明", "李娜", "王强", "刘洋", "陈静", "杨帆"];

/// The generated board: a year-long campaign centred on `center`, with N tasks.
pub fn board(n: usize, seed: u64, center: NaiveDate) -> Board {
    let mut b = head(n, center);
    b.tasks = tasks(&b, n, seed, center).collect();
    b
}

/// The board without its tasks: units and phases.
fn head(n: usize, center: NaiveDate) -> Board {
    let start = center - Days::new(182);
    let units: Vec<Unit> = UNITS
        .iter()
        .map(|(id, name)| Unit {
            id: id.to_string(),
            name: name.to_string(),
            extra: Extra::new(),
        })
        .collect();
    let len = PHASE_DAYS;
    let phases: Vec<Phase> = PHASES
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let s = start + Days::new(len * i as u64);
            Phase {
                id: format!("p{}", i + 1),
                name: name.to_string(),
                start: s,
                end: s + Days::new(len - 1),
                extra: Extra::new(),
            }
        })
        .collect();
    Board {
        title: format!("生成的示例看板（{n} 项任务）"),
        lang: Some(Lang::Zh),
        warn_days: None,
        statuses: Board::default_statuses(Lang::Zh),
        statuses_given: false,
        phases,
        units,
        tasks: Vec::new(),
        log: Vec::new(),
        extra: Extra::new(),
    }
}

/// Days in each phase.
const PHASE_DAYS: u64 = 365 / PHASES.len() as u64;

/// The N tasks of the board whose units and phases are in `head`, made one at a time.
fn tasks<'a>(
    head: &'a Board,
    n: usize,
    seed: u64,
    center: NaiveDate,
) -> impl Iterator<Item = Task> + 'a {
    let mut rng = Rng(seed);
    let (units, phases) = (&head.units, &head.phases);
    let len = PHASE_DAYS;
    let width = n.to_string().len().max(3);
    (0..n).map(move |i| {
        let p = &phases[rng.below(phases.len())];
        let deadline = p.start + Days::new(rng.below(len as usize) as u64);
        let before = deadline < center;
        let status = match (before, rng.below(10)) {
            (true, 0..=6) | (false, 0) => "done",
            (_, 7..=8) | (false, 1..=4) => "doing",
            _ => "todo",
        };
        let lead = rng.below(units.len());
        let partners = (0..rng.below(3))
            .map(|_| Short::from(units[rng.below(units.len())].id.as_str()))
            .filter(|u| u != units[lead].id)
            .collect();
        let progress = (0..rng.below(4))
            .map(|k| {
                let day = p.start + Days::new((k as u64 + 1) * 7);
                Progress {
                    at: Stamp::parse(&format!("{day}T{:02}:00:00+08:00", 9 + rng.below(9)))
                        .unwrap_or_else(|| Stamp {
                            text: day.to_string(),
                            time: Default::default(),
                        }),
                    by: rng.pick(PEOPLE).into(),
                    note: rng.pick(NOTES).to_string(),
                    extra: Extra::new(),
                }
            })
            .collect();
        let extended = rng.below(20) == 0;
        Task {
            id: format!("G{:0width$}", i + 1).into(),
            title: format!(
                "{}{}{}",
                rng.pick(VERBS),
                rng.pick(OBJECTS),
                rng.pick(SUFFIXES)
            ),
            phase: p.id.as_str().into(),
            lead: units[lead].id.as_str().into(),
            partners,
            deadline: Some(deadline),
            status: status.into(),
            category: Some(rng.pick(CATEGORIES).into()),
            extended_to: extended.then(|| deadline + Days::new(14)),
            extension_reason: extended.then(|| "因客观原因申请顺延".to_string()),
            progress,
            extra: Extra::new(),
        }
    })
}

/// Default centre of the generated campaign, so output does not depend on the clock.
pub fn default_center() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 7, 1).unwrap_or_default()
}

/// Prints the generated board, one task at a time: memory stays the same whatever N is.
pub fn run(n: usize, seed: u64, center: Option<NaiveDate>) -> ExitCode {
    let center = center.unwrap_or_else(default_center);
    let head = head(n, center);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match store::write_yaml(&mut out, &head, tasks(&head, n, seed, center))
        .and_then(|()| out.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(2),
    }
}
