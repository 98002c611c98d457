"""Finding articles: every file a reader knows, in folders too, in a fixed order; the rest named or skipped."""

from pathlib import Path

from generator.discover import discover


def test_articles_in_folders_are_found_with_their_paths_in_a_fixed_order(tmp_path):
    content = tmp_path / "content"
    for name in ("b.txt", "a.md", "2024/03/late.txt", "2024/early.html", "world/europe/x.txt", "notes.xyz",
                 ".hidden.txt", "draft.txt~", "_private/skip.txt", ".git/config.txt", "topics.yml"):
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Title\n\nText.\n", encoding="utf-8")

    for folder in (content, Path(str(content) + "/")):  # however the folder is written
        files, problems = discover(folder)
        assert [f.source for f in files] == ["2024/03/late.txt", "2024/early.html", "a.md", "b.txt", "world/europe/x.txt"]
        assert all(f.path == content / f.source and f.path.is_file() for f in files)
        assert [(p.source, p.reason) for p in problems] == [("notes.xyz", "skipped: not an article format digest reads")]
