//! Where a message points (a file with line and column, a flag with its setting), the kinds of file read, spans of time, and the operating system's reasons a file cannot be read.

/// Places, file kinds, spans and system reasons. English template -> Chinese.
pub(super) const PLACES: &[(&str, &str)] = &[
    ("Is a directory (os error {})", "这是文件夹（系统错误 {}）"),
    (
        "No such file or directory (os error {})",
        "文件或文件夹不存在（系统错误 {}）",
    ),
    ("Permission denied (os error {})", "没有权限（系统错误 {}）"),
    ("actuals file", "实际数据文件"),
    ("availability file", "可上班时间表"),
    ("e.g. {}", "例如 {}"),
    ("history file", "历史数据文件"),
    ("plan file", "排班文件"),
    ("preferences file", "意愿表"),
    ("requirements file", "人力需求文件"),
    ("scenario file", "场景文件"),
    ("staff file", "员工表"),
    ("{} days", "{} 天"),
    ("{} hours", "{} 小时"),
    ("{} with {}: {}", "{0}（使用 {1}）：{2}"),
    ("{}: history", "{}：history"),
    ("{}: line 1", "{}：第 1 行"),
    ("{}: line {}", "{}：第 {} 行"),
    ("{}: line {}, column {}", "{}：第 {} 行第 {} 列"),
    ("{}: line {}, column {} ({})", "{}：第 {} 行第 {} 列（{}）"),
    ("{}: {}", "{}：{}"),
];
