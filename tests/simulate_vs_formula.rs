//! The simulator and the formulas check each other: over long steady runs the formulas' values
//! must fall inside the simulation's 99% confidence band (fixed seeds, so the runs are repeatable).

use shiftcast::simulate::{simulate, Band, SimInterval, SimQueue};
use shiftcast::staffing::{erlang_a, erlang_c};

const HOUR: f64 = 3600.0;

/// 100 steady hours at `load` Erlang on `servers` servers, 12 runs.
fn steady(
    load: f64,
    servers: u32,
    handle: f64,
    patience: Option<f64>,
    within: f64,
    slots: usize,
) -> shiftcast::simulate::Measures {
    let queue = SimQueue {
        handle_time_by_open: vec![handle; slots],
        patience_seconds: patience,
        answer_within_seconds: within,
    };
    let per_hour = load * HOUR / handle;
    let agents = servers / slots as u32;
    let intervals = vec![
        SimInterval {
            arrivals: per_hour,
            agents
        };
        100
    ];
    simulate(&queue, &intervals, HOUR, 12, 2026, 0.99).overall
}

fn assert_inside(band: Band, value: f64, what: &str) {
    assert!(
        band.low <= value && value <= band.high,
        "{what}: {value} outside {band:?}"
    );
}

#[test]
fn erlang_c_service_level_and_wait_over_a_range_of_loads() {
    for (load, servers) in [(2.0, 4), (10.0, 14), (50.0, 56)] {
        let m = steady(load, servers, 180.0, None, 20.0, 1);
        assert_inside(
            m.service_level,
            erlang_c::service_level(servers, load, 180.0, 20.0),
            &format!("SL at {load} E"),
        );
        assert_inside(
            m.asa_seconds,
            erlang_c::average_speed_of_answer(servers, load, 180.0),
            &format!("ASA at {load} E"),
        );
        assert_eq!(m.abandonment.mean, 0.0);
    }
}

#[test]
fn erlang_a_service_level_and_abandonment_over_a_range_of_loads() {
    // Under, near and over the load: Erlang A is stable even with fewer servers than Erlang.
    for (load, servers, patience) in [(10.0, 12, 60.0), (10.0, 10, 120.0), (20.0, 17, 45.0)] {
        let m = steady(load, servers, 180.0, Some(patience), 20.0, 1);
        let a = erlang_a::evaluate(servers, load, 180.0, patience, 20.0);
        let at = format!("{servers} servers at {load} E, patience {patience}");
        assert_inside(m.service_level, a.service_level, &format!("SL, {at}"));
        assert_inside(
            m.abandonment,
            a.abandonment_probability,
            &format!("abandonment, {at}"),
        );
        assert_inside(
            m.asa_seconds,
            a.average_wait_seconds,
            &format!("wait, {at}"),
        );
    }
}

#[test]
fn chat_slots_with_a_flat_handle_time_are_erlang_c_slots() {
    // 5 agents with 3 chats each at the same pace are 15 Erlang C servers.
    let m = steady(12.0, 15, 240.0, None, 30.0, 3);
    assert_inside(
        m.service_level,
        erlang_c::service_level(15, 12.0, 240.0, 30.0),
        "SL with 3 chats at once",
    );
}

#[test]
fn the_slot_model_is_cautious_when_fewer_chats_go_faster() {
    // Chats take 120 s alone, 150 s two at a time, 180 s three at a time. The formula staffs
    // with 180 s per slot; the simulated agents are faster when not full, so they do better.
    let queue = SimQueue {
        handle_time_by_open: vec![120.0, 150.0, 180.0],
        patience_seconds: None,
        answer_within_seconds: 30.0,
    };
    let load = 10.0; // at 180 s per chat
    let intervals = vec![
        SimInterval {
            arrivals: load * HOUR / 180.0,
            agents: 5
        };
        100
    ];
    let m = simulate(&queue, &intervals, HOUR, 12, 7, 0.99).overall;
    let formula = erlang_c::service_level(15, load, 180.0, 30.0);
    assert!(
        m.service_level.low > formula,
        "{:?} vs {formula}",
        m.service_level
    );
}

#[test]
fn same_seed_same_numbers() {
    let queue = SimQueue {
        handle_time_by_open: vec![180.0],
        patience_seconds: Some(90.0),
        answer_within_seconds: 20.0,
    };
    let intervals = [
        SimInterval {
            arrivals: 150.0,
            agents: 9,
        },
        SimInterval {
            arrivals: 300.0,
            agents: 4,
        },
    ];
    let a = simulate(&queue, &intervals, 1800.0, 5, 42, 0.95);
    let b = simulate(&queue, &intervals, 1800.0, 5, 42, 0.95);
    assert_eq!(a, b);
    // The short-staffed second half hour does worse than the first.
    assert!(a.intervals[1].service_level.mean < a.intervals[0].service_level.mean);
    assert!(a.intervals[1].abandonment.mean > a.intervals[0].abandonment.mean);
}

#[test]
fn a_plan_ending_with_nobody_at_the_keyboard_still_ends() {
    // The last hour has chats but no agent (1 rostered x 0.7 rounds down to 0) and nobody
    // leaves: its chats wait for ever, so the run must stop when the plan does (it used to
    // loop without end). Its chats are never answered: service level 0 in every run, and they
    // count their wait until the plan ends (half an hour on average for chats spread over it).
    let queue = SimQueue {
        handle_time_by_open: vec![180.0],
        patience_seconds: None,
        answer_within_seconds: 30.0,
    };
    let intervals = [
        SimInterval {
            arrivals: 10.0,
            agents: 2,
        },
        SimInterval {
            arrivals: 10.0,
            agents: 0,
        },
    ];
    let (done, report) = std::sync::mpsc::channel();
    std::thread::spawn(move || done.send(simulate(&queue, &intervals, HOUR, 3, 7, 0.95)));
    let report = report
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("the simulation ends");
    let last = report.intervals[1];
    let sl = last.service_level;
    assert_eq!((sl.mean, sl.low, sl.high), (0.0, 0.0, 0.0));
    assert!((900.0..2700.0).contains(&last.asa_seconds.mean), "{last:?}");
}
