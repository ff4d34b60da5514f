"""Every panel query of deploy/grafana/nakamura-misaki.json and every recording rule of deploy/prometheus answered
by a real Prometheus scraping the service under load (conftest.py): an error or an empty answer fails, so a renamed
metric or label fails here. Plus what needs no server: the dashboard's required fields, no fallback that would hide
a missing series, and a runbook file behind every alert."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx
import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
DASHBOARD = json.loads((REPO / "deploy/grafana/nakamura-misaki.json").read_text())
DATASOURCES = yaml.safe_load((REPO / "deploy/grafana/provisioning/datasources/prometheus.yml").read_text())
RECORDING = yaml.safe_load((REPO / "deploy/prometheus/recording.yml").read_text())
ALERTS = yaml.safe_load((REPO / "deploy/prometheus/alerts.yml").read_text())

CHARTED = [p for p in DASHBOARD["panels"] if p["type"] != "row"]
TARGETS = [(p["title"], t["refId"], t["expr"]) for p in CHARTED for t in p["targets"]]
RECORDS = [r for g in RECORDING["groups"] for r in g["rules"]]
ALERT_RULES = [r for g in ALERTS["groups"] for r in g["rules"]]
RECORDED_NAMES = {r["record"] for r in RECORDS}
# Counters the dashboard charts, directly or through a recording rule: the load must have moved each one.
COUNTERS = sorted({m for _, _, e in TARGETS for m in re.findall(r"\b[a-z_]+(?:_total|_seconds_count)\b", e)}
                  | {m for r in RECORDS for m in re.findall(r"\b[a-z_]+(?:_total|_seconds_count)\b", r["expr"])})


def test_the_dashboard_has_the_fields_grafana_requires():
    ids = [p["id"] for p in DASHBOARD["panels"]]
    assert DASHBOARD["uid"] and DASHBOARD["title"] and isinstance(DASHBOARD["schemaVersion"], int)
    assert len(ids) == len(set(ids)), f"panel ids repeat: {ids}"
    assert {p["title"] for p in DASHBOARD["panels"] if p["type"] == "row"} == \
           {"Traffic", "Database", "Background work", "Search", "Safety"}
    uids = {d["uid"] for d in DATASOURCES["datasources"]}
    for panel in CHARTED:
        assert panel["title"] and panel["gridPos"] and panel["targets"], panel
        assert panel["datasource"]["uid"] in uids, panel["title"]
        for target in panel["targets"]:
            assert target["expr"].strip() and target["refId"], panel["title"]
            assert target["datasource"]["uid"] in uids, panel["title"]


def test_no_expression_falls_back_to_a_constant():
    """`or vector(0)` (or `absent(...)`) would answer for a metric that is not there: the checks below could not fail."""
    expressions = [e for _, _, e in TARGETS] + [r["expr"] for r in RECORDS + ALERT_RULES]
    for expr in expressions:
        assert not re.search(r"\bor\b[^)]*\bvector\s*\(|\babsent(_over_time)?\s*\(", expr), expr


@pytest.mark.parametrize("alert", ALERT_RULES, ids=lambda r: r["alert"])
def test_every_alert_links_a_runbook_that_exists(alert):
    url = alert["annotations"]["runbook_url"]  # a path in this repository (ADR 0033)
    assert url == f"docs/runbooks/{alert['alert']}.md", url
    assert (REPO / url).is_file(), f"{url}: no such file"


@pytest.mark.parametrize("title,ref,expr", TARGETS, ids=[f"{t} [{r}]" for t, r, _ in TARGETS])
def test_every_panel_query_returns_series(stack, title, ref, expr):
    answer = stack.query(expr)
    assert answer["status"] == "success", f"{title}: {answer.get('error')}"
    assert answer["data"]["result"], f"{title}: no series for {expr}"


@pytest.mark.parametrize("rule", RECORDS, ids=lambda r: f"{r['record']} {r.get('labels', {})}")
def test_every_recording_rule_evaluates_to_series(stack, rule):
    loaded = [r for g in httpx.get(f"{stack.prometheus}/api/v1/rules", params={"type": "record"}).json()["data"]["groups"]
              for r in g["rules"] if r["name"] == rule["record"] and r.get("labels", {}) == rule.get("labels", {})]
    assert len(loaded) == 1 and loaded[0]["health"] == "ok", loaded
    selector = rule["record"] + "{" + ",".join(f'{k}="{v}"' for k, v in rule.get("labels", {}).items()) + "}"
    for expr in (rule["expr"], selector):
        answer = stack.query(expr)
        assert answer["status"] == "success", answer.get("error")
        assert answer["data"]["result"], f"no series for {expr}"


def test_every_recording_rule_is_charted():
    charted = " ".join(e for _, _, e in TARGETS)
    assert all(name in charted for name in RECORDED_NAMES), RECORDED_NAMES


@pytest.mark.parametrize("counter", COUNTERS)
def test_the_load_moved_every_charted_counter(stack, counter):
    answer = stack.query(f"sum({counter}) > 0")
    assert answer["status"] == "success" and answer["data"]["result"], f"{counter} is absent or zero"
