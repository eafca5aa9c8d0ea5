#!/usr/bin/env python3
"""Writes a synthetic contact-centre history with closed hours, in shiftcast's history format.

Three queues, 2024-01-01 to 2025-12-31, hourly; open Monday to Friday 07:00-21:00 (one queue
also Saturday 09:00-13:00), closed nights, Sundays and eight public holidays: closed hours have
no row, as a phone system exports them. Counts are negative-binomial around a level with a
weekday pattern, a two-peak day, a yearly wave and a 10% yearly trend, so a method has to learn
what real arrivals have. Seeded: the same file every run.
    usage: bench/synthetic_closed_hours.py > data/synthetic/closed-hours.csv
"""
import datetime as dt
import math
import random

rng = random.Random(17)
QUEUES = {  # name: (chats in an average open hour, open on Saturday morning)
    "orders": (120.0, True),
    "returns": (30.0, False),
    "billing": (8.0, False),
}
WEEKDAY = [1.25, 1.05, 1.0, 0.95, 0.8, 0.5]  # Monday to Saturday
HOLIDAYS = {"01-01", "04-01", "05-01", "05-27", "07-04", "09-02", "11-28", "12-25"}
DISPERSION = 40.0  # negative-binomial shape: variance = mean + mean^2 / 40


def hour_shape(hour):
    """Two peaks, mid-morning and mid-afternoon, on a base that never drops to zero."""
    return 0.45 + math.exp(-((hour - 10.0) ** 2) / 4.0) + 0.8 * math.exp(-((hour - 15.0) ** 2) / 5.0)


def open_hours(day, saturday):
    if day.strftime("%m-%d") in HOLIDAYS or day.weekday() == 6:
        return []
    if day.weekday() == 5:
        return list(range(9, 13)) if saturday else []
    return list(range(7, 21))


def count(mean):
    """Negative binomial as a gamma-Poisson mixture (Knuth's Poisson for small means)."""
    lam = rng.gammavariate(DISPERSION, mean / DISPERSION)
    if lam > 50:
        return max(0, round(rng.gauss(lam, math.sqrt(lam))))
    threshold, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= threshold:
            return k
        k += 1


def main():
    shape_mean = sum(hour_shape(h) for h in range(7, 21)) / 14
    print("timestamp,queue,inquiries")
    day = dt.date(2024, 1, 1)
    while day <= dt.date(2025, 12, 31):
        years = (day - dt.date(2024, 1, 1)).days / 365.0
        season = 1.0 + 0.15 * math.sin(2 * math.pi * (day.timetuple().tm_yday - 80) / 365.0)
        day_level = rng.gammavariate(150.0, 1 / 150.0)  # a day busier or quieter than usual
        for queue, (level, saturday) in QUEUES.items():
            for hour in open_hours(day, saturday):
                mean = level * WEEKDAY[day.weekday()] * hour_shape(hour) / shape_mean
                mean *= season * (1.0 + 0.1 * years) * day_level
                print(f"{day.isoformat()}T{hour:02d}:00,{queue},{count(mean)}")
        day += dt.timedelta(days=1)


main()
