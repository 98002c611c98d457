"""Site search in every language the articles are written in.

Material's search plugin reads its `lang` option in its `on_config`, before any
article is read, and writes it into `search/search_index.json` at `on_post_build`;
the browser then loads a stemmer and stop-word list (lunr-languages) for each
language listed there. So the digest plugin, which knows the articles' languages
after `on_files`, adds them to the configuration the search plugin will write.

Languages the owner configured (or the theme language, Material's default) stay
first; article languages without a lunr stemmer in Material are left out (their
words are still indexed, just not stemmed). The site's own labels are unaffected:
they follow `theme.language`.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any


@lru_cache(maxsize=1)
def stemmed_languages() -> frozenset[str]:
    """Language codes Material ships a lunr stemmer for (plus English, built into lunr)."""
    try:
        import material
    except ImportError:  # pragma: no cover - the theme is a dependency
        return frozenset({"en"})
    folder = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "lunr" / "min"
    codes = {p.name.split(".")[1] for p in folder.glob("lunr.*.min.js")}
    return frozenset((codes - {"stemmer", "multi"}) | {"en"})


def search_languages(configured: Iterable[str], article_languages: Iterable[str]) -> list[str]:
    """The configured languages, then each article language search can stem, sorted; no repeats."""
    supported = stemmed_languages()
    out = [code for code in configured if code]
    for code in sorted({lang.lower().split("-")[0] for lang in article_languages if lang}):
        if code in supported and code not in out:
            out.append(code)
    return out


def configure_search_languages(plugins: Any, article_languages: Iterable[str]) -> list[str] | None:
    """Add the article languages to Material's search plugin, if it is enabled. Returns the list."""
    for plugin in plugins.values():
        index = getattr(plugin, "search_index", None)
        options = getattr(plugin, "config", None)
        # Material's SearchPlugin: `config.lang` is its option, `search_index.config` the copy
        # it serializes at on_post_build (made from the options in its on_config).
        if index is None or options is None or not isinstance(getattr(index, "config", None), dict):
            continue
        if not getattr(options, "enabled", True) or "lang" not in index.config:
            continue
        languages = search_languages(index.config.get("lang") or [], article_languages)
        index.config["lang"] = languages
        options.lang = languages
        return languages
    return None
