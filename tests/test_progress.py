"""The reading progress bar: shown on a terminal when reading lasts, never in logs or CI output."""

import io
import sys
import time

from generator.progress import reading_progress


class Terminal(io.StringIO):
    def isatty(self):
        return True


def slowly(n, pause):
    for i in range(n):
        time.sleep(pause)
        yield i


def test_a_long_read_on_a_terminal_shows_a_bar_that_counts_files(monkeypatch):
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert list(reading_progress(slowly(12, 0.12), total=12)) == list(range(12))
    shown = terminal.getvalue()
    assert "Reading articles" in shown and "/12" in shown and "file" in shown


def test_a_short_read_shows_nothing(monkeypatch):
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert list(reading_progress(range(3), total=3)) == [0, 1, 2]
    assert terminal.getvalue() == ""


def test_nothing_is_written_where_output_is_not_a_terminal(monkeypatch):
    log = io.StringIO()
    monkeypatch.setattr(sys, "stderr", log)
    assert list(reading_progress(slowly(12, 0.12), total=12)) == list(range(12))
    assert log.getvalue() == ""


def test_mkdocs_build_in_a_terminal_shows_files_being_read(tmp_path):
    # The real thing: `mkdocs build` on a pseudo-terminal, with enough articles to take a while.
    import fcntl
    import os
    import pty
    import struct
    import termios

    from support import REPO, make_project

    sys.path.insert(0, str(REPO / "scripts"))
    from corpus import write_corpus

    project = make_project(tmp_path / "p")
    write_corpus(2000, project / "content")
    pid, fd = pty.fork()
    if pid == 0:  # the child: a build, as a person would type it
        os.chdir(project)
        os.environ["NO_MKDOCS_2_WARNING"] = "1"
        os.execv(sys.executable, [sys.executable, "-m", "mkdocs", "build"])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))  # a terminal has a width
    shown = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the build ended and closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    text = shown.decode("utf-8", "replace")
    assert "Reading articles" in text and "/2000" in text and "file/s" in text
    assert "2,000 articles from 2,000 files" in text
