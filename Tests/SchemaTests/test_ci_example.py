"""The GitHub Actions example runs the operating commands where the README says it does."""

from __future__ import annotations

from pathlib import Path

import yaml

WORKFLOW = Path(__file__).resolve().parents[2] / "examples" / "ci" / "github-actions.yml"


def steps_running(job: dict, command: str) -> list[dict]:
    return [step for step in job["steps"] if command in step.get("run", "")]


def test_pull_requests_run_hogctl_test_with_a_junit_report():
    jobs = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]
    plan = jobs["plan"]
    assert "pull_request" in plan["if"]
    [test] = steps_running(plan, "hogctl test")
    assert "--junit" in test["run"]
    assert test["env"]["POSTHOG_PERSONAL_API_KEY"] == "${{ secrets.POSTHOG_PERSONAL_API_KEY }}"


def test_status_fails_the_run_after_apply():
    jobs = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]
    steps = jobs["apply"]["steps"]
    runs = [step.get("run", "") for step in steps]
    apply = next(i for i, run in enumerate(runs) if "hogctl apply --auto-approve" in run)
    status = next(i for i, run in enumerate(runs) if "hogctl status" in run)
    assert status > apply
    assert "--fail-on-errors" in runs[status]
