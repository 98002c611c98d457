"""Replacing the site folder in one step, so a failed or killed build never leaves half a site.

The build writes into a sibling staging folder; at the end the old site is renamed away,
the staging folder renamed into place, and the old one deleted in the background (on a
slow disk, deleting ten thousand pages takes longer than building them).
"""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path


def staging_dir(final: Path) -> Path:
    return final.with_name(f".{final.name}.digest-staging")


def prepare(final: Path) -> Path:
    """An empty staging folder beside `final`; leftovers of killed builds are removed."""
    staging = staging_dir(final)
    shutil.rmtree(staging, ignore_errors=True)
    for old in final.parent.glob(f".{final.name}.digest-old-*"):
        shutil.rmtree(old, ignore_errors=True)
    return staging


def swap_in(staging: Path, final: Path) -> None:
    old = final.with_name(f".{final.name}.digest-old-{time.time_ns()}")
    if final.exists():
        final.rename(old)
    staging.rename(final)
    if old.exists():
        _delete_in_background(old)


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)


def _delete_in_background(folder: Path) -> None:
    rm = shutil.which("rm")
    if rm is None:
        shutil.rmtree(folder, ignore_errors=True)
        return
    # Detached: the deletion finishes after `mkdocs build` has returned.
    subprocess.Popen([rm, "-rf", "--", str(folder)], start_new_session=True,
                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
