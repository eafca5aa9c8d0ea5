//! Words people read in outputs, in English or Chinese (the words service managers use:
//! 客服, 售前, 售后, 兼职, 主力, 替补, 全员, 接待量). Machine-read files (CSV headers, JSON keys)
//! stay English so scripts and `shiftcast simulate` read them in either language.

mod messages;

/// Output language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// English.
    En,
    /// Simplified Chinese, in the words service managers use.
    Zh,
}

impl Lang {
    /// Reads a `--lang` or `[report] language` value: `en`, or `zh` (also `cn`, `zh-CN`), in
    /// any case; None for anything else.
    pub fn parse(text: &str) -> Option<Lang> {
        match text.to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "zh" | "cn" | "zh-cn" => Some(Lang::Zh),
            _ => None,
        }
    }

    /// From the usual locale variables: `zh_CN.UTF-8` and the like mean Chinese.
    pub fn from_env() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty())
            .map_or(Lang::En, |v| {
                if v.to_ascii_lowercase().starts_with("zh") {
                    Lang::Zh
                } else {
                    Lang::En
                }
            })
    }

    /// The HTML `lang` code, `en` or `zh`.
    pub(crate) fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The label for `key` (the English text); unknown keys come back as they are, so queue
    /// and phase names a scenario invents still show.
    pub fn t(self, key: &str) -> String {
        match self {
            Lang::En => key.to_string(),
            Lang::Zh => WORDS
                .iter()
                .find(|(en, _)| *en == key)
                .map_or_else(|| key.to_string(), |(_, zh)| zh.to_string()),
        }
    }
}

impl Lang {
    /// `label: value` in English, `label：value` (a full-width colon) in Chinese.
    pub fn labelled(self, label: &str, value: impl std::fmt::Display) -> String {
        match self {
            Lang::En => format!("{label}: {value}"),
            Lang::Zh => format!("{label}：{value}"),
        }
    }

    /// One character for a word in a roster cell (a break, a kind of shift): its `WORD.short`
    /// label (餐 for a meal, 夜 for a night shift), else the label's first letter, upper-cased.
    /// Queues get distinct codes from [`Lang::queue_codes`].
    pub fn short(self, queue: &str) -> String {
        let key = format!("{queue}.short");
        match self.t(&key) {
            short if short != key => short,
            _ => self
                .t(queue)
                .chars()
                .take(1)
                .flat_map(char::to_uppercase)
                .collect(),
        }
    }
}

impl Lang {
    /// Distinct codes for the queues in roster cells, one per `(name, short)` in the scenario's
    /// order: the queue's `short` when the scenario gives one, else the first character of its
    /// label (upper-cased), and where labels share that character, the first one where the
    /// label differs from each label sharing it (售前/售后 -> 前/后; presale/aftersale -> P/A).
    /// A derived code another queue already has becomes the label's first character and the
    /// queue's number (售1).
    pub fn queue_codes(self, queues: &[(&str, Option<&str>)]) -> Vec<String> {
        let labels: Vec<Vec<char>> = (queues.iter())
            .map(|(name, _)| self.t(name).chars().collect())
            .collect();
        let mut codes: Vec<String> = Vec::new();
        for (i, (_, short)) in queues.iter().enumerate() {
            let code = match short {
                Some(short) => short.to_string(),
                None => {
                    let derived = derived_code(&labels, i);
                    let taken = codes.contains(&derived)
                        || queues.iter().any(|(_, s)| *s == Some(derived.as_str()));
                    if taken {
                        let first: String = labels[i].iter().take(1).collect();
                        format!("{}{}", upper(&first), i + 1)
                    } else {
                        derived
                    }
                }
            };
            codes.push(code);
        }
        codes
    }
}

/// Queue `i`'s code from its label: its first character, or the first where it differs from
/// every other label starting with the same one.
fn derived_code(labels: &[Vec<char>], i: usize) -> String {
    let own = &labels[i];
    let rivals: Vec<&Vec<char>> = (labels.iter().enumerate())
        .filter(|(j, other)| *j != i && other.first() == own.first())
        .map(|(_, other)| other)
        .collect();
    let at = (0..own.len())
        .find(|&k| rivals.iter().all(|r| r.get(k) != Some(&own[k])))
        .unwrap_or(0);
    own.get(at)
        .map_or_else(String::new, |c| upper(&c.to_string()))
}

fn upper(text: &str) -> String {
    text.chars().flat_map(char::to_uppercase).collect()
}

/// English -> Chinese.
const WORDS: &[(&str, &str)] = &[
    // Queues, phases, kinds.
    ("presale", "售前"),
    ("aftersale", "售后"),
    ("main", "主力"),
    ("backup", "替补"),
    ("all-hands", "全员"),
    ("full-time", "全职"),
    ("part-time", "兼职"),
    // Sheets and sections.
    ("Summary", "概要"),
    ("Forecast", "接待量预测"),
    ("Requirements", "人力需求"),
    ("Coverage", "排班覆盖"),
    ("Shifts", "班次"),
    ("Roster", "排班表"),
    ("Part-timers", "兼职"),
    ("People", "人员"),
    ("Legend", "图例"),
    ("Notes", "说明"),
    ("Warnings", "注意"),
    // Column headers.
    ("time", "时间"),
    ("queue", "队列"),
    ("inquiries", "接待量"),
    ("lower", "下限"),
    ("upper", "上限"),
    ("baseline", "日常量"),
    ("warm-up", "预热"),
    ("event", "大促量"),
    ("payment reminders", "催付"),
    ("after-sale wave", "售后波峰"),
    ("agents required", "需要客服"),
    ("offered load (Erlang)", "话务量 (Erlang)"),
    ("agents by rule of thumb", "经验法则人数"),
    ("required", "需要"),
    ("scheduled", "已排"),
    ("phase", "阶段"),
    ("shortfall", "缺口"),
    ("break", "用餐"),
    ("why", "原因"),
    ("Night shifts per person", "每人夜班数"),
    ("Hours per person", "每人工时"),
    ("Contract hours paid but idle", "已付薪未排班的合同工时"),
    ("detail", "明细"),
    ("cross-trained", "多技能调配"),
    ("part-timers", "兼职"),
    ("service level", "服务水平"),
    ("name", "姓名"),
    ("start", "开始"),
    ("end", "结束"),
    ("kind", "类型"),
    ("group", "组"),
    ("shift", "班次"),
    ("hours", "小时"),
    ("wage", "时薪"),
    ("contract hours", "合同工时"),
    ("min hours", "最低工时"),
    ("night shifts", "夜班数"),
    ("weekend days", "周末出勤天数"),
    ("preference score", "意愿得分"),
    ("shifts", "班次数"),
    ("first start", "首班开始"),
    ("last end", "末班结束"),
    ("history", "历史"),
    ("range", "区间"),
    // Summary lines.
    ("Peak", "峰值"),
    ("agents on", "名客服，队列"),
    ("at", "时间"),
    ("Part-timers needed", "需要兼职人数"),
    ("Part-timers hired", "招聘兼职人数"),
    ("On call", "备用兼职"),
    ("Service level", "服务水平"),
    ("Average wait (s)", "平均响应时间（秒）"),
    ("Sales at risk", "流失毛利"),
    ("Agent hours", "客服工时"),
    ("Full-time hours", "全职工时"),
    ("Part-time hours", "兼职工时"),
    ("Cost", "成本"),
    ("Lowest service level", "最低服务水平"),
    ("Every hour is covered.", "每个小时都已排满。"),
    ("Short agent-hours", "缺口工时"),
    ("Short intervals", "缺人时段数"),
    ("Solver", "求解状态"),
    // Solver statuses (`SolverStatus::label`).
    ("optimal", "最优"),
    ("within-gap", "在允许差距内"),
    ("time-limit", "达到时间上限"),
    ("fallback", "达到时间上限，用简单方案"),
    ("Simulated service level", "模拟服务水平"),
    ("Plan written to", "排班已写入"),
    ("Phase rule not met", "阶段规则未满足"),
    ("agents", "客服人数"),
    ("Required vs scheduled agents", "需要与已排客服"),
    ("Inquiries per interval", "每时段接待量"),
    ("Customer-service plan", "客服排班计划"),
    ("What one more part-timer buys", "每多一名兼职的效果"),
    // Scenarios compared.
    ("base", "基准"),
    ("Peak agents", "峰值客服"),
    ("error", "错误"),
    ("how to fix", "修改方法"),
    ("warning", "注意"),
    // Breaks as scenarios name them: 用餐 for a meal, 小休 for a short one (休息 on a Chinese
    // roster means a day off).
    ("meal", "用餐"),
    ("lunch", "用餐"),
    ("dinner", "用餐"),
    ("tea", "小休"),
    ("short break", "小休"),
    // What the spinner says while a command works (the plan's stages as `plan` names them).
    ("reading inputs", "读取输入"),
    ("forecast", "预测咨询量"),
    ("staffing", "计算人力需求"),
    ("schedule (HiGHS)", "求解排班 (HiGHS)"),
    ("roster", "生成排班表"),
    ("part-timers needed", "计算最少兼职人数"),
    ("standby", "安排备用兼职"),
    ("simulation", "模拟"),
    ("writing files", "写入文件"),
    ("re-planning the day", "重新安排当天"),
    ("backtesting every method", "逐个方法回测"),
    (
        "solving for each number of part-timers",
        "按兼职人数逐个求解",
    ),
    // The report: breaks by their own names (a meal is 用餐; 休息 on a Chinese roster is a day
    // off), the hour-by-hour service table, the part-timer curve.
    ("meal.short", "餐"),
    ("abandonment", "放弃率"),
    ("Service by hour", "分时服务指标"),
    ("How many part-timers", "需要多少兼职"),
    // Workbook: assumptions, day sheets, shift codes, per-person sheet, call list.
    ("Hourly roster", "按小时排班"),
    ("Per person", "个人班次"),
    ("Call list", "兼职通知表"),
    ("Assumptions", "计划假设"),
    ("target orders", "目标订单数"),
    ("target sales", "目标销售额"),
    ("average order value", "客单价"),
    ("customer-service share", "客服询单占比"),
    ("conversion rate", "转化率"),
    ("margin", "毛利率"),
    ("handle time (s)", "平均处理时长（秒）"),
    ("chats at once", "同时接待数"),
    ("service target", "服务目标"),
    ("shrinkage", "损耗率"),
    ("occupancy cap", "最高占用率"),
    ("patience (s)", "顾客耐心（秒）"),
    ("Wages", "工资"),
    ("full-time wage per hour", "全职时薪"),
    ("part-time wage per hour", "兼职时薪"),
    ("night premium per hour", "夜班补贴（每小时）"),
    ("lunch.short", "餐"),
    ("dinner.short", "餐"),
    (
        "in-shift break, placed by the model",
        "班中用餐或小休（模型安排）",
    ),
    ("session", "集体活动"),
    ("night.short", "夜"),
    ("early.short", "早"),
    ("day.short", "中"),
    ("late.short", "晚"),
    ("off", "休"),
    ("date", "日期"),
    ("breaks", "用餐/小休"),
    ("total", "合计"),
    ("phone", "电话"),
    ("on call", "备用兼职"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_uses_the_managers_words_and_keeps_unknown_names() {
        assert_eq!(Lang::Zh.t("presale"), "售前");
        assert_eq!(Lang::Zh.t("all-hands"), "全员");
        assert_eq!(Lang::Zh.t("Part-timers needed"), "需要兼职人数");
        assert_eq!(Lang::Zh.t("vip"), "vip");
        assert_eq!(Lang::Zh.t("Hours per person"), "每人工时");
        assert_eq!(Lang::Zh.t("People"), "人员");
        assert_eq!(Lang::Zh.t("wage"), "时薪");
        // A meal break is 用餐: 休息 on a Chinese roster is a day off.
        assert_eq!(
            (Lang::Zh.t("meal"), Lang::Zh.t("break")),
            ("用餐".into(), "用餐".into())
        );
        assert_eq!(Lang::En.t("presale"), "presale");
        assert_eq!(
            (Lang::Zh.short("meal"), Lang::Zh.short("night")),
            ("餐".into(), "夜".into())
        );
        assert_eq!(Lang::En.short("meal"), "M");
    }

    #[test]
    fn queue_codes_take_the_first_character_where_the_labels_differ() {
        let queues = [("presale", None), ("aftersale", None)];
        assert_eq!(Lang::En.queue_codes(&queues), ["P", "A"]);
        // 售前 and 售后 share 售: the second characters differ.
        assert_eq!(Lang::Zh.queue_codes(&queues), ["前", "后"]);
        let chinese = [("售前咨询", None), ("售后", None)];
        assert_eq!(Lang::En.queue_codes(&chinese), ["前", "后"]);
        // p-r-e-s and p-r-e-o: the fourth letters.
        let pre = [("presale", None), ("preorder", None)];
        assert_eq!(Lang::En.queue_codes(&pre), ["S", "O"]);
    }

    #[test]
    fn queue_codes_keep_the_scenarios_short_and_number_a_clash() {
        let given = [("presale", None), ("aftersale", Some("售"))];
        assert_eq!(Lang::Zh.queue_codes(&given), ["前", "售"]);
        // aftersale would be A, which presale's short already is: A and its number, 2.
        let clash = [("presale", Some("A")), ("aftersale", None)];
        assert_eq!(Lang::En.queue_codes(&clash), ["A", "A2"]);
    }
}
