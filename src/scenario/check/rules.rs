//! `[rules]` beyond rest (the week structure and leads) and `[[sessions]]`.

use super::Checker;
use crate::error::Result;
use crate::scenario::file::{RawRules, RawSession};
use crate::scenario::{Session, WorkRules};

impl Checker<'_> {
    /// `[rules]` counts are whole numbers above 0 (weekends off at most 4 in 4 weeks), and the
    /// rest after nights at most a week, as `min_rest_hours`.
    pub(in crate::scenario) fn work_rules(&self, raw: &RawRules) -> Result<WorkRules> {
        let at_least_one = |key: &str, value: Option<u32>, example: &str| match value {
            Some(0) => self.fail(
                &format!("rules.{key}"),
                "0 is not allowed here",
                format!("give 1 or more, e.g. {key} = {example}, or leave the key out"),
            ),
            other => Ok(other),
        };
        if let Some(w) = raw.weekends_off_per_4_weeks.filter(|&w| w > 4) {
            return self.fail(
                "rules.weekends_off_per_4_weeks",
                format!("{w} weekends off in 4 weeks is more than there are"),
                "give 0 to 4, e.g. weekends_off_per_4_weeks = 2",
            );
        }
        let rest_after_nights_hours = match raw.rest_after_nights_hours {
            Some(h) => {
                let h = self.non_negative("rules.rest_after_nights_hours", h, "48")?;
                if h > 168.0 {
                    return self.fail(
                        "rules.rest_after_nights_hours",
                        format!("{h} hours is more than a week"),
                        "give the rest after a run of nights, e.g. rest_after_nights_hours = 48",
                    );
                }
                Some(h)
            }
            None => None,
        };
        Ok(WorkRules {
            max_nights_in_row: at_least_one("max_nights_in_row", raw.max_nights_in_row, "3")?,
            rest_after_nights_hours,
            days_off_together: at_least_one("days_off_together", raw.days_off_together, "2")?,
            weekends_off_per_4_weeks: raw.weekends_off_per_4_weeks,
            agents_per_lead: at_least_one("agents_per_lead", raw.agents_per_lead, "15")?,
        })
    }

    /// `[[sessions]]`: each ends after it starts and names at least one group (whether the
    /// groups exist needs the staff file: `Scenario::check_staff` checks them).
    pub(in crate::scenario) fn sessions(&self, raw: &[RawSession]) -> Result<Vec<Session>> {
        let mut sessions = Vec::new();
        for (i, s) in raw.iter().enumerate() {
            let key = |k: &str| format!("sessions[{i}].{k}");
            let start = self.time(&key("start"), &s.start)?;
            let end = self.time(&key("end"), &s.end)?;
            if end <= start {
                return self.fail(
                    &key("end"),
                    format!("session \"{}\" ends at or before it starts", s.name),
                    "set end after start",
                );
            }
            if s.groups.is_empty() {
                return self.fail(
                    &key("groups"),
                    format!("session \"{}\" names no group", s.name),
                    "list the staff groups who attend, e.g. groups = [\"main\", \"backup\"]",
                );
            }
            sessions.push(Session {
                name: s.name.clone(),
                start,
                end,
                groups: s.groups.clone(),
            });
        }
        Ok(sessions)
    }
}
