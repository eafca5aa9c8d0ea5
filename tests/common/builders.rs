// Builders shared by the integration tests (through tests/common/mod.rs) and the library's own
// unit tests (src/schedule/verify.rs), included as text by both: a library's unit tests cannot
// see tests/, and these builders are not API. The includer brings `Person`, `Scenario`,
// `Requirement` and `ClockWindow` into scope.

/// A scenario of `days` days from 2026-11-11 in hourly intervals with `queues` (180 s chats, 3 at
/// once) and `extra` TOML (shift templates and the like); full-timers cost 5 an hour,
/// part-timers 10, an agent-hour short 1000.
pub fn hourly_scenario(extra: &str, queues: &[&str], days: u32) -> Scenario {
    let mut text = format!(
        r#"
[horizon]
start = "2026-11-11T00:00"
end = "2026-11-{:02}T00:00"
interval_minutes = 60
[history]
file = "unused.csv"
[staff]
file = "unused.csv"
[costs]
full_time_per_hour = 5
part_time_per_hour = 10
shortfall_per_agent_hour = 1000
"#,
        11 + days
    );
    for q in queues {
        text += &format!(
            "[[queues]]\nname = \"{q}\"\nhandle_time_seconds = 180\nchats_at_once = 3\nservice_level = 0.8\nanswer_within_seconds = 30\n"
        );
    }
    text += extra;
    Scenario::from_toml(&text, "test.toml").unwrap()
}

/// A main-group person with `skills`, always available, 8 hours a day and 40 a week.
pub fn person(name: &str, skills: &[&str]) -> Person {
    Person {
        name: name.into(),
        group: "main".into(),
        skills: skills.iter().map(|s| s.to_string()).collect(),
        available: ClockWindow::ALWAYS,
        max_hours_per_day: 8.0,
        max_hours_per_week: 40.0,
        ..Person::default()
    }
}

/// `need(queue, interval)` agents in every queue and interval of the horizon, in the order the
/// schedule reads them (queue by queue, then time).
pub fn requirements(scenario: &Scenario, need: impl Fn(usize, usize) -> u32) -> Vec<Requirement> {
    let times = scenario.horizon.times();
    let mut out = Vec::new();
    for (q, queue) in scenario.queues.iter().enumerate() {
        for (i, t) in times.iter().enumerate() {
            out.push(Requirement {
                time: *t,
                queue: queue.name.clone(),
                inquiries: 0.0,
                offered_load: 0.0,
                agents_by_rule: None,
                agents_required: need(q, i),
            });
        }
    }
    out
}
