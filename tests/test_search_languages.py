"""Site search is configured for every language the articles are in; labels keep the theme language."""

import json

import pytest

from generator.search import search_languages, stemmed_languages
from support import FIXTURES, build_site


def test_material_ships_stemmers_for_the_common_languages():
    assert {"en", "de", "fr", "es", "it", "nl", "pt", "ru", "sv", "no", "ja"} <= stemmed_languages()


def test_configured_languages_stay_first_then_article_languages_sorted():
    assert search_languages(["en"], ["fr", "de", "en", "fr"]) == ["en", "de", "fr"]
    assert search_languages(["de"], ["en"]) == ["de", "en"]


def test_languages_search_cannot_stem_are_left_out():
    assert "pl" not in stemmed_languages()
    assert search_languages(["en"], ["pl", "de"]) == ["en", "de"]


@pytest.mark.slow
def test_built_site_searches_in_the_article_languages(tmp_path):
    languages = FIXTURES / "languages"
    site = build_site(tmp_path, {
        "fr.txt": (languages / "fr_rail_sans_ligne_de_langue.txt").read_bytes(),
        "de.txt": (languages / "de_haushalt_ohne_sprachzeile.txt").read_bytes(),
        "page.html": (FIXTURES / "html" / "news_article.html").read_bytes(),
    })
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["en", "de", "fr"]
    assert any(doc["title"] == "Bundestag beschließt Reform der Schuldenbremse" for doc in index["docs"])
    # The site's own labels stay English (theme.language in mkdocs.yml).
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in home
    assert (site / "assets" / "javascripts" / "lunr" / "min" / "lunr.de.min.js").is_file()
