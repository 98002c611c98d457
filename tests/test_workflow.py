"""The GitHub Pages workflow: valid for GitHub (actionlint) and doing what the README's "Publish" says."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from support import REPO

WORKFLOW = REPO / ".github" / "workflows" / "pages.yml"


def actionlint() -> str:
    found = shutil.which("actionlint") or shutil.which("actionlint", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.fail("actionlint is missing: `make test` installs it with the pyproject `test` extra")
    return found


def test_workflow_passes_actionlint():
    result = subprocess.run([actionlint(), "-no-color", str(WORKFLOW)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("branches: [main]", "branchs: [main]"), encoding="utf-8")
    result = subprocess.run([actionlint(), "-no-color", str(broken)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "branchs" in result.stdout


def test_workflow_builds_strict_on_main_and_deploys_with_pages_actions():
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = flow[True] if True in flow else flow["on"]  # YAML 1.1 reads the key `on` as True
    assert triggers["push"]["branches"] == ["main"]
    assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build = flow["jobs"]["build"]["steps"]
    uses = [step.get("uses", "").split("@")[0] for step in build]
    assert "actions/upload-pages-artifact" in uses
    python = next(step for step in build if step.get("uses", "").startswith("actions/setup-python"))
    assert python["with"]["cache"] == "pip"
    script = "\n".join(step.get("run", "") for step in build)
    assert "mkdocs build --strict" in script and "pip install" in script
    deploy = flow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]


def test_workflow_keeps_digests_cache_between_runs_before_it_builds():
    """A push with one new article re-reads one article, not the whole digest."""
    steps = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["build"]["steps"]
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    cache = steps[uses.index("actions/cache")]
    assert cache["with"]["path"] == ".cache/digest"
    assert "github.sha" in cache["with"]["key"] and "digest-" in cache["with"]["restore-keys"]
    build = next(i for i, step in enumerate(steps) if "mkdocs build" in step.get("run", ""))
    assert uses.index("actions/cache") < build
