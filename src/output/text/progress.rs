//! What the spinner on stderr says while a command works, for the steps with a number or a
//! name in them (single-word steps go through `Lang::t`).

use crate::labels::Lang;

/// `parttimers`: how far the curve has come.
pub fn part_timer_counts_solved(done: u32, total: u32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("已求解 {done}/{total} 个兼职人数"),
        Lang::En => format!("solved {done} of {total} part-timer counts"),
    }
}

/// `simulate`: the runs under way.
pub fn simulating(runs: u32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("模拟 {runs} 次"),
        Lang::En => format!("simulating {runs} runs"),
    }
}

/// `forecast`: the queue being forecast.
pub fn forecasting(queue: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("预测 {}", lang.t(queue)),
        Lang::En => format!("forecasting {queue}"),
    }
}

/// `compare`: the scenario being planned and its stage (`plan`'s step names).
pub fn planning(scenario: &str, step: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}：{}", lang.t(scenario), lang.t(step)),
        Lang::En => format!("{scenario}: {step}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_spinner_speaks_the_language_asked() {
        assert_eq!(
            part_timer_counts_solved(3, 10, Lang::En),
            "solved 3 of 10 part-timer counts"
        );
        assert_eq!(
            part_timer_counts_solved(3, 10, Lang::Zh),
            "已求解 3/10 个兼职人数"
        );
        assert_eq!(simulating(20, Lang::Zh), "模拟 20 次");
        assert_eq!(forecasting("presale", Lang::Zh), "预测 售前");
        assert_eq!(
            planning("base", "schedule (HiGHS)", Lang::Zh),
            "基准：求解排班 (HiGHS)"
        );
        assert_eq!(planning("faster", "roster", Lang::En), "faster: roster");
    }
}
