//! `shiftcast review`'s answer in words: per queue the forecast against what came, the worst
//! hours, the agents and service level; per event what the orders imply; the settings to use
//! next time. One function per sentence, in the managers' words (预测, 实际, 误差率, 偏差,
//! 询单占比, 转化率).

use crate::labels::Lang;
use crate::review::{EventReview, HourError, QueueReview, Review, Suggestion};

/// The review, queue by queue, then the events and what to change.
pub fn review(review: &Review, lang: Lang) -> String {
    let mut out = span(review, lang);
    for q in review.queues.iter().filter(|q| q.hours > 0) {
        out += &forecast_against_actual(q, lang);
        if !q.worst_hours.is_empty() {
            out += &worst_hours(&q.worst_hours, lang);
        }
        if q.hours_understaffed > 0 {
            out += &understaffed(q.hours_understaffed, lang);
        }
        out += &service_level(q, lang);
    }
    for e in &review.events {
        out += &event_chats(e, lang);
        out += &event_orders(e, lang);
    }
    out + &next_time(review, lang)
}

/// The hours the actuals cover.
fn span(review: &Review, lang: Lang) -> String {
    let hours = review.hours.len();
    match (&review.first_hour, &review.last_hour, lang) {
        (Some(first), Some(last), Lang::Zh) => {
            format!("复盘：{first} 至 {last}，共 {hours} 条队列小时实际数据\n")
        }
        (Some(first), Some(last), Lang::En) => {
            format!("Review of {first} to {last}: {hours} queue-hours of actuals\n")
        }
        (_, _, Lang::Zh) => "实际数据没有落在计划时段内的行\n".to_string(),
        (_, _, Lang::En) => "No actuals fall in the plan's hours\n".to_string(),
    }
}

/// `12.3%`, or a dash when there is nothing to divide by.
fn percent(x: Option<f64>) -> String {
    x.map_or("-".into(), |x| format!("{:.1}%", x * 100.0))
}

/// Chats forecast and actual, WAPE and bias with its direction.
fn forecast_against_actual(q: &QueueReview, lang: Lang) -> String {
    let (forecast, actual) = (q.forecast, q.actual);
    let (wape, bias) = (percent(q.wape), percent(q.bias));
    // No direction for a bias that shows as 0.0%.
    let high = q.bias.filter(|b| b.abs() >= 0.0005).map(|b| b > 0.0);
    match lang {
        Lang::Zh => {
            let direction = match high {
                Some(true) => "（预测偏高）",
                Some(false) => "（预测偏低）",
                None => "",
            };
            format!(
                "{}：预测咨询量 {forecast:.0}，实际 {actual:.0}；误差率 {wape}，偏差 {bias}{direction}\n",
                lang.t(&q.queue)
            )
        }
        Lang::En => {
            let direction = match high {
                Some(true) => " (forecast too high)",
                Some(false) => " (forecast too low)",
                None => "",
            };
            format!(
                "{}: {forecast:.0} chats forecast, {actual:.0} came: WAPE {wape}, bias {bias}{direction}\n",
                q.queue
            )
        }
    }
}

/// The hours the forecast missed most.
fn worst_hours(hours: &[HourError], lang: Lang) -> String {
    let each: Vec<String> = hours
        .iter()
        .map(|h| match lang {
            Lang::Zh => format!(
                "{} 预测 {:.0}，实际 {:.0}",
                h.timestamp, h.forecast, h.actual
            ),
            Lang::En => format!(
                "{} ({:.0} forecast, {:.0} came)",
                h.timestamp, h.forecast, h.actual
            ),
        })
        .collect();
    match lang {
        Lang::Zh => format!("  误差最大的时段：{}\n", each.join("；")),
        Lang::En => format!("  worst hours: {}\n", each.join(", ")),
    }
}

/// Hours where the roster held fewer agents than the actual chats needed.
fn understaffed(hours: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("  按实际咨询量，有 {hours} 个小时排班人手不足\n"),
        Lang::En => {
            format!("  the chats that came needed more agents than planned in {hours} hours\n")
        }
    }
}

/// The share answered in time against the plan's promise, where the actuals give it; then
/// what the planned agents give the chats that came, by the formula.
fn service_level(q: &QueueReview, lang: Lang) -> String {
    let mut out = match (q.service_level_actual, lang) {
        (None, _) => String::new(),
        (Some(actual), Lang::Zh) => format!(
            "  服务水平：实际 {} 及时回复，计划承诺 {}\n",
            percent(Some(actual)),
            percent(q.service_level_planned)
        ),
        (Some(actual), Lang::En) => format!(
            "  service level: {} answered in time, the plan promised {}\n",
            percent(Some(actual)),
            percent(q.service_level_planned)
        ),
    };
    let for_actual = percent(q.service_level_planned_for_actual);
    out += &match lang {
        Lang::Zh => format!("  按实际咨询量，计划的客服可达服务水平 {for_actual}（公式）\n"),
        Lang::En => format!(
            "  the planned agents give the chats that came {for_actual} in time (formula)\n"
        ),
    };
    out
}

/// The event's pre-sale chats over the hours covered.
fn event_chats(e: &EventReview, lang: Lang) -> String {
    let (hours, of) = (e.hours, e.event_hours);
    let (forecast, actual) = (e.forecast_presale, e.actual_presale);
    match lang {
        Lang::Zh => format!(
            "大促 {}（{}，覆盖 {hours}/{of} 小时）：预测咨询量 {forecast:.0}，实际 {actual:.0}\n",
            e.name,
            lang.t(&e.presale_queue)
        ),
        Lang::En => format!(
            "{} ({}, {hours} of {of} hours): {forecast:.0} pre-sale chats forecast, {actual:.0} came\n",
            e.name, e.presale_queue
        ),
    }
}

/// What the orders imply: chats per order, service share and conversion rate beside the
/// scenario's; or how to get them.
fn event_orders(e: &EventReview, lang: Lang) -> String {
    let two = |x: Option<f64>| x.map_or("-".into(), |x| format!("{x:.2}"));
    let mut out = match (e.orders, lang) {
        (None, Lang::Zh) => {
            return "  实际数据没有 orders 列：无法核对询单占比和转化率\n".to_string()
        }
        (None, Lang::En) => {
            return "  no orders in the actuals: give orders and service_orders columns to check the service share and conversion rate\n"
                .to_string()
        }
        (Some(orders), Lang::Zh) => format!(
            "  订单 {orders:.0}：每单咨询 {}（场景设定 {:.2}）\n",
            two(e.inquiries_per_order),
            e.scenario_inquiries_per_order
        ),
        (Some(orders), Lang::En) => format!(
            "  {orders:.0} orders: {} pre-sale chats per order (the scenario: {:.2})\n",
            two(e.inquiries_per_order),
            e.scenario_inquiries_per_order
        ),
    };
    if e.service_orders.is_some() {
        let (share, conversion) = (two(e.service_share), two(e.conversion_rate));
        let (had_share, had_conversion) = (e.scenario_service_share, e.scenario_conversion_rate);
        out += &match lang {
            Lang::Zh => format!(
                "  询单占比 {share}（场景设定 {had_share:.2}），转化率 {conversion}（场景设定 {had_conversion:.2}）\n"
            ),
            Lang::En => format!(
                "  service share {share} (the scenario: {had_share:.2}), conversion rate {conversion} (the scenario: {had_conversion:.2})\n"
            ),
        };
    }
    out
}

/// The settings to change, or that the event settings held, when orders were given.
fn next_time(review: &Review, lang: Lang) -> String {
    if review.next_time.is_empty() {
        let checked = review.events.iter().any(|e| e.orders.is_some());
        return match (checked, lang) {
            (false, _) => String::new(),
            (true, Lang::Zh) => "下次：场景的大促设定与实际相符，无需修改\n".to_string(),
            (true, Lang::En) => {
                "Next time: the scenario's event settings match what happened\n".to_string()
            }
        };
    }
    let head = match lang {
        Lang::Zh => "下次使用：\n",
        Lang::En => "Next time:\n",
    };
    review
        .next_time
        .iter()
        .fold(head.to_string(), |out, s| out + &suggestion(s, lang))
}

/// One setting to change.
fn suggestion(s: &Suggestion, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "  将 {} 设为 {:.2}（本场景为 {:.2}）\n",
            s.key, s.value, s.scenario
        ),
        Lang::En => format!(
            "  set {} = {:.2} (the scenario had {:.2})\n",
            s.key, s.value, s.scenario
        ),
    }
}
