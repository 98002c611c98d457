"""Every internal link of the built site resolves when it is served under a sub-path, as on GitHub Pages."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from collections import defaultdict

import pytest
import sample
from bs4 import BeautifulSoup
from conftest import serve_site

pytestmark = pytest.mark.slow

LINKING = {"a": "href", "link": "href", "script": "src", "img": "src"}


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, "", b""


class Crawl:
    """Breadth-first over everything the site links to on its own origin and under its own path."""

    def __init__(self, base: str):
        self.base = base
        self.origin = "{0.scheme}://{0.netloc}".format(urllib.parse.urlsplit(base))
        self.queue: list[str] = []
        self.seen: set[str] = set()
        self.referrers: dict[str, set[str]] = defaultdict(set)
        self.status: dict[str, int] = {}
        self.ids: dict[str, set[str]] = {}
        self.fragments: dict[tuple[str, str], set[str]] = defaultdict(set)

    def internal(self, url: str, referrer: str) -> str | None:
        """The URL to fetch for a link, or None when the link leaves the site."""
        if url.startswith(sample.SITE_URL):  # canonical links and feeds: the published address
            url = self.base + url[len(sample.SITE_URL):]
        url = urllib.parse.urljoin(referrer, url)
        if not url.startswith(self.origin + "/"):
            return None
        url, fragment = urllib.parse.urldefrag(url)
        if fragment:
            self.fragments[(url, urllib.parse.unquote(fragment))].add(referrer)
        return url

    def add(self, url: str, referrer: str) -> None:
        target = self.internal(url, referrer)
        if target is None:
            return
        self.referrers[target].add(referrer)
        if target not in self.seen:
            self.seen.add(target)
            self.queue.append(target)

    def run(self, *starts: str) -> None:
        for start in starts:
            self.add(start, self.base)
        while self.queue:
            url = self.queue.pop(0)
            status, kind, body = fetch(url)
            self.status[url] = status
            if status != 200:
                continue
            if kind == "text/html":
                self.read_html(url, body)
            elif url.endswith(".xml") and b"<rss" in body[:500]:
                for link in ET.fromstring(body).iter("link"):
                    self.add(link.text or "", url)
            elif url.endswith("sitemap.xml"):
                for loc in ET.fromstring(body).iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"):
                    self.add(loc.text or "", url)
            elif url.endswith("robots.txt"):
                for line in body.decode("utf-8").splitlines():
                    if line.startswith("Sitemap:"):
                        self.add(line.split(":", 1)[1].strip(), url)
            elif url.endswith("feed.json"):
                feed = json.loads(body)
                for item in feed["items"]:
                    self.add(item["url"], url)

    def read_html(self, url: str, body: bytes) -> None:
        soup = BeautifulSoup(body, "html.parser")
        self.ids[url] = {tag["id"] for tag in soup.find_all(id=True)} | {tag["name"] for tag in soup.find_all("a", attrs={"name": True})}
        for tag, attribute in LINKING.items():
            for element in soup.find_all(tag):
                value = element.get(attribute)
                if value and not value.startswith(("javascript:", "mailto:", "data:", "tel:")):
                    self.add(value, url)

    def broken(self) -> list[str]:
        found = [f"{status} {url} (linked from {sorted(self.referrers[url])[:3]})"
                 for url, status in sorted(self.status.items()) if status != 200]
        for (url, fragment), referrers in sorted(self.fragments.items()):
            if url in self.ids and fragment not in self.ids[url]:
                found.append(f"missing #{fragment} in {url} (linked from {sorted(referrers)[:3]})")
        return found


def test_every_internal_link_resolves_under_a_sub_path(tmp_path_factory):
    site = sample.site(tmp_path_factory)
    with serve_site(site, sample.SUB_PATH) as base:
        crawl = Crawl(base)
        crawl.run("", "404.html", "robots.txt")  # robots.txt names the sitemap, which names every page
    assert crawl.broken() == []
    html_pages = {url for url in crawl.ids}
    built = {p.parent.relative_to(site).as_posix() for p in site.rglob("index.html")}
    reached = {url[len(base):].rstrip("/") or "." for url in html_pages}
    assert built <= reached, f"pages no link leads to: {sorted(built - reached)}"
    assert len(html_pages) > 40
    for feed in ("feed.xml", "feed.json", "topics/conflict-war-and-peace/feed.xml", "robots.txt"):
        assert crawl.status.get(base + feed) == 200, feed


def test_the_crawl_reports_a_broken_link(tmp_path):
    (tmp_path / "index.html").write_text('<a href="missing/">x</a><a href="/elsewhere/">y</a><a href="#nowhere">z</a>',
                                         encoding="utf-8")
    with serve_site(tmp_path, sample.SUB_PATH) as base:
        crawl = Crawl(base)
        crawl.run("")
    broken = crawl.broken()
    assert any("404" in line and "missing/" in line for line in broken)
    assert any("/elsewhere/" in line for line in broken)  # outside the sub-path: broken on GitHub Pages
    assert any("#nowhere" in line for line in broken)
