"""A build that is killed midway leaves the previous site as it was; the next build recovers."""

import os
import signal
import subprocess
import sys
import time

import pytest
from support import file_hashes, make_project, run_mkdocs

pytestmark = pytest.mark.slow

WORDS = ("council harbour budget minister election police court storm market school hospital river "
         "railway museum festival strike bank treaty border army farmers energy prices water").split()


def story(i: int) -> str:
    body = " ".join(WORDS[(i * 7 + j) % len(WORDS)] for j in range(400))
    return f"Story number {i} about the {WORDS[i % len(WORDS)]}\n\nOn {1 + i % 28} May 2024 the {body}.\n"


def tree(site):
    return file_hashes(site)


def test_killed_build_leaves_the_old_site(tmp_path):
    project = make_project(tmp_path, {f"story{i:03d}.txt": story(i) for i in range(200)})
    run_mkdocs(project, "build")
    before = tree(project / "site")

    (project / "content" / "story000.txt").write_text(story(999), encoding="utf-8")
    staging = project / ".site.digest-staging"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    build = subprocess.Popen([sys.executable, "-m", "mkdocs", "build"], cwd=project, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and build.poll() is None:
        if (staging / "articles").is_dir() and any((staging / "articles").iterdir()):
            break  # pages are being written
        time.sleep(0.02)
    assert build.poll() is None, "the build finished before it could be interrupted"
    os.killpg(build.pid, signal.SIGKILL)
    build.wait()

    assert tree(project / "site") == before
    run_mkdocs(project, "build")
    assert not staging.exists()
    after = tree(project / "site")
    assert after != before and any(k.startswith("articles/story-number-999-") for k in after)
