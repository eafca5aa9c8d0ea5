//! The summary's line for each lever a manager pulls (deflection, SMS reminders, open hours):
//! the agents one interval needs with and without it.

use crate::labels::Lang;
use crate::report::LeverEffect;

/// One lever's effect as a sentence (no line end), e.g. `Deflection saves 6 agents at
/// presale's peak, 2026-11-11T00:00: 30 instead of 36 (1200 chats answered before an agent)`.
pub fn lever(e: &LeverEffect, lang: Lang) -> String {
    let (with, without, chats) = (e.agents_with, e.agents_without, e.chats);
    let saved = without.saturating_sub(with);
    let (queue, at) = (lang.t(&e.queue), &e.timestamp);
    match (e.lever, lang) {
        ("deflection", Lang::En) => format!(
            "Deflection saves {saved} agents at {queue}'s peak, {at}: {with} instead of {without} ({chats:.0} chats answered before an agent)"
        ),
        ("deflection", Lang::Zh) => format!(
            "分流在{queue}峰值 {at} 省 {saved} 名客服：需要 {with} 名而非 {without} 名（{chats:.0} 个咨询在转人工前已解答）"
        ),
        ("reminder_sms", Lang::En) => format!(
            "SMS reminders save {saved} agents on {queue} at {at}: {with} instead of {without} ({chats:.0} reminders by SMS)"
        ),
        ("reminder_sms", Lang::Zh) => format!(
            "短信催付在{queue} {at} 省 {saved} 名客服：需要 {with} 名而非 {without} 名（{chats:.0} 次催付改发短信）"
        ),
        (_, Lang::En) => format!(
            "{queue} opens at {}: {chats:.0} chats wait while it is closed and arrive at {at}, which needs {with} agents ({without} without them)",
            clock(at)
        ),
        (_, Lang::Zh) => format!(
            "{queue} {} 开门：关闭期间 {chats:.0} 个咨询等到 {at} 进线，此时需要 {with} 名客服（没有积压时 {without} 名）",
            clock(at)
        ),
    }
}

/// The `HH:MM` of a `YYYY-MM-DDTHH:MM` timestamp.
fn clock(timestamp: &str) -> &str {
    timestamp
        .split_once('T')
        .map_or(timestamp, |(_, clock)| clock)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn effect(lever: &'static str) -> LeverEffect {
        LeverEffect {
            lever,
            queue: "presale".into(),
            timestamp: "2026-11-11T08:00".into(),
            chats: 80.0,
            agents_with: 9,
            agents_without: 4,
        }
    }

    #[test]
    fn an_opening_names_its_clock_time_and_both_counts() {
        assert_eq!(
            lever(&effect("open"), Lang::En),
            "presale opens at 08:00: 80 chats wait while it is closed and arrive at 2026-11-11T08:00, which needs 9 agents (4 without them)"
        );
        assert_eq!(
            lever(&effect("open"), Lang::Zh),
            "售前 08:00 开门：关闭期间 80 个咨询等到 2026-11-11T08:00 进线，此时需要 9 名客服（没有积压时 4 名）"
        );
    }
}
