"""Saved web pages: the article with its title, date and byline, and none of the page around it."""

import datetime as dt

import pytest

from generator.config import config_from_dict
from generator.text.markdown_text import plain_text
from generator.metadata import resolve
from generator.model import BulletList, Image, Paragraph
from generator.readers import ReadError, read_bytes, reader_for
from support import FIXTURES

HTML = FIXTURES / "html"


def read(name: str):
    return read_bytes(name, (HTML / name).read_bytes())


def article(name: str):
    resolved, _problems = resolve(read(name), config_from_dict())
    return resolved


def page_text(name: str) -> str:
    a = article(name)
    caption = f"{a.image.caption} {a.image.credit}" if a.image else ""
    return "\n".join([a.title, a.author or "", caption, plain_text(a.blocks)])


@pytest.mark.parametrize("name", ["page.html", "page.htm", "PAGE.HTML"])
def test_html_files_have_a_reader(name):
    assert reader_for(name).name == "html"


def test_news_page_metadata():
    a = article("news_article.html")
    assert a.title == "NATO scrambles jets after drones cross into Polish airspace"
    assert a.date == dt.date(2025, 9, 12)  # published, not the modified date (13 September)
    assert a.author == "Marta Kowalczyk"
    assert a.publisher == "The Harbour Gazette"
    assert a.language == "en"
    assert a.image == Image(caption="Polish F-16 fighter jets at the Łask air base on Thursday.",
                            credit="Photograph: Piotr Nowak/Reuters")


def test_news_page_body_is_the_article_in_order():
    blocks = article("news_article.html").blocks
    assert all(isinstance(b, (Paragraph, BulletList)) for b in blocks)
    assert blocks[0].text.startswith("WARSAW – Polish and allied fighter jets shot down")
    assert blocks[-1].text.startswith("Russia's defence ministry said")
    lists = [b for b in blocks if isinstance(b, BulletList)]
    assert lists == [BulletList((
        "closing four regional airports until Saturday morning;",
        "moving additional air-defence batteries to the eastern border;",
        "summoning the Russian chargé d'affaires in Warsaw.",
    ))]
    assert Paragraph("What happens next") in blocks
    assert len([b for b in blocks if isinstance(b, Paragraph)]) == 8


@pytest.mark.parametrize(
    "clutter",
    [
        "cookies", "Accept all", "Subscribe", "Search the Gazette", "Politics", "Home", "Advertisement",
        "Cheap flights", "Share on", "Sign up", "Related stories", "Baltic air policing", "Comments",
        "skyfan77", "nobody told us anything", "Show more comments", "kitchen gadget", "Most viewed",
        "Heatwave", "Privacy policy", "All rights reserved", "Topics:", "Europe correspondent",
    ],
)
def test_news_page_has_none_of_the_clutter(clutter):
    assert clutter not in page_text("news_article.html")


def test_german_page_in_its_declared_windows_1252():
    a = article("de_cp1252_kurier.html")
    assert a.title == "Bundestag beschließt Reform der Schuldenbremse"
    assert a.author == "Jürgen Weiß"
    assert a.publisher == "Rheinischer Kurier"
    assert (a.language, a.date) == ("de", dt.date(2025, 9, 12))
    assert a.image == Image(caption="Abgeordnete im Plenarsaal des Reichstagsgebäudes während der Abstimmung",
                            credit="Foto: Kay Nietfeld/dpa")
    assert a.blocks[0].text.startswith("Der Deutsche Bundestag hat am Freitag")
    assert "\ufffd" not in page_text("de_cp1252_kurier.html")


@pytest.mark.parametrize(
    "clutter",
    ["Privatsphäre", "Alle akzeptieren", "Anzeige", "Tagesgeld", "Kommentare", "Bürger_aus_Köln", "Brücken",
     "Mehr zum Thema", "Klingbeil im Interview", "Impressum", "Teilen", "4 Wochen gratis", "Kultur", "Von Jürgen"],
)
def test_german_page_has_none_of_the_clutter(clutter):
    assert clutter not in plain_text(article("de_cp1252_kurier.html").blocks)


def test_french_page_date_from_its_visible_line():
    a = article("fr_visible_date_only.html")
    assert (a.title, a.language, a.date) == ("Le gouvernement présente son plan pour le rail", "fr", dt.date(2012, 5, 22))
    assert a.author == "Claire Dubois"
    assert a.publisher == "Le Courrier du Sud-Ouest"  # from "<title>Headline | Site</title>"
    text = plain_text(a.blocks)
    assert text.startswith("Le ministre des Transports a présenté mardi")
    for clutter in ("cookies", "Publicité", "abonnement", "Réactions", "cheminot33", "Mentions légales", "Accueil"):
        assert clutter not in text


def test_a_page_without_date_metadata_is_dated_by_its_visible_line_in_its_language():
    raw = read("pl_dateline_only.html")
    assert "date" not in raw.inferred and raw.inferred["dateline"] == "Warszawa, 1 listopada 2024"
    a = article("pl_dateline_only.html")
    assert (a.language, a.date, a.date_source) == ("pl", dt.date(2024, 11, 1), "text")
    assert "Najwyższy czas" not in plain_text(a.blocks)  # a comment (Polish class names)
    assert "cookie" not in plain_text(a.blocks)


def test_the_owner_front_matter_is_never_overridden_by_the_page():
    # A page's date is inferred: front matter elsewhere (here: an .md copy with a date) wins.
    raw = read("news_article.html")
    assert raw.given == {}
    assert raw.inferred["date"] == dt.date(2025, 9, 12)


def test_reading_is_deterministic():
    assert read("news_article.html") == read("news_article.html")


def test_an_image_renamed_html_is_rejected():
    with pytest.raises(ReadError, match="PNG image"):
        read_bytes("photo.html", b"\x89PNG\r\n\x1a\n" + bytes(200))


def test_a_text_file_named_html_is_read_as_text():
    raw = read_bytes("note.html", "A title\n\nJust a paragraph of plain text, no markup.\n".encode())
    assert raw.inferred["title"] == "A title"
    assert raw.blocks == (Paragraph("Just a paragraph of plain text, no markup."),)
    assert any("read as plain text" in r for r in raw.repairs)


def test_a_page_with_no_article_keeps_its_title_and_says_so():
    raw = read_bytes("empty.html", b"<html><head><title>Only a title</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    assert raw.inferred["title"] == "Only a title"
    assert raw.blocks == ()
    assert "no article text found on the page" in raw.repairs


def test_markup_in_page_text_stays_text():
    page = ("<html><head><title>Tags &lt;b&gt; in text</title></head><body><article><h1>Tags &lt;b&gt; in text</h1>"
            "<p>The filter rejected the string &lt;script&gt;alert(1)&lt;/script&gt; and *stars* and [links](x) "
            "in a long enough paragraph of article text that the extractor keeps it as the body.</p>"
            "<p>A second paragraph with more words so that the page looks like an article to the extractor.</p>"
            "</article></body></html>").encode()
    raw = read_bytes("tags.html", page)
    assert raw.inferred["title"] == "Tags <b> in text"
    assert "<script>alert(1)</script>" in raw.blocks[0].text  # kept as text; pages escape it


def test_a_body_whose_class_names_mention_ads_is_still_the_article():
    paragraphs = "".join(f"<p>Paragraph {n} of the story about the harbour tunnel, which reopened on Saturday after "
                         f"three weeks of repairs to its ventilation system and lighting.</p>" for n in range(1, 5))
    page = (f'<html><body><div class="ad ad-top">Buy a car today</div><h1>Harbour tunnel reopens</h1>'
            f'<div class="article-body ad-free">{paragraphs}</div>'
            f'<div class="kommentare"><p>Kommentar: endlich wieder offen, das hat viel zu lange gedauert!</p></div>'
            f'</body></html>').encode()
    raw = read_bytes("tunnel.html", page)
    text = plain_text(raw.blocks)
    assert [b.text[:11] for b in raw.blocks] == ["Paragraph 1", "Paragraph 2", "Paragraph 3", "Paragraph 4"]
    assert "Buy a car" not in text and "Kommentar" not in text
