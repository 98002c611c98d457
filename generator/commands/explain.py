"""`digest explain FILE`: which words, phrases and entities gave an article which topic score."""

from __future__ import annotations

from pathlib import Path

from ..config import DigestConfig
from ..discover import InputFile
from ..enrich.entities import extract_corpus
from ..enrich.topics.analysis import analyse_article, finish_corpus, scorer_for
from ..enrich.topics.learned import MIN_WORDS
from ..enrich.topics.scoring import MODEL_POINTS, Assessment, Hit, Scorer
from ..enrich.topics.taxonomy import Taxonomy
from ..enrich.topics.text import article_text
from ..model import Article, Problem
from ..pipeline import load_taxonomies, read_articles

EVIDENCE_SHOWN = 12
OTHERS_SHOWN = 5
MODEL_WORDS_SHOWN = 10


def model_rule() -> str:
    return (f"articles of {MIN_WORDS} words or more: a model learned from labelled news weighs the article's words "
            f"and word stems, adds ln(1 + the lexicon's points) for each IPTC top-level topic, and gives each a share; "
            f"points = share x {MODEL_POINTS:g}; the first topic is the main topic. Shorter articles: ")


def rule(taxonomy: Taxonomy) -> str:
    s = taxonomy.settings
    return (model_rule() if scorer_for(taxonomy).model else "") + (f"each word, phrase or entity adds weight x (1 + ln occurrences), title words count {s.title_weight:g}x; "
            f"the main topic needs {s.min_evidence:g} points from {s.min_terms} different terms; up to {s.max_topics} "
            f"top-level topics with at least {s.secondary_ratio:.0%} of the main topic's points; sub-topics after "
            f"their parent; score = share of all top-level points")


def explain(article: Article, taxonomy: Taxonomy) -> str:
    scorer = scorer_for(taxonomy)
    text = article_text(article)
    result = scorer.assess(article, text, explain=True)
    topics = scorer.topics
    by_name = {t.name: t for t in taxonomy.topics}
    lines = [article.title, f"{article.source} · {article.word_count:,} words · {len(article.entities)} entities", ""]
    lines += ["Rule: " + rule(taxonomy), ""]

    if "topics" in article.given_keys:
        lines += ["Topics given in the front matter (kept as they are): " + ", ".join(article.topic_names), ""]
    if not result.topics:
        lines += ["Topics: none (no topic reached the evidence the rule asks for)", ""]
    else:
        lines.append("Topics, main first:")
        for i, score in enumerate(result.topics, 1):
            topic = by_name[score.name]
            kind = f"sub-topic of {topics[topic.parent].name}" if topic.parent else "top-level"
            lines.append(f"  {i}. {score.name} ({topic.code}, {kind}): score {score.score:.3f}, "
                         f"{result.evidence[topic.code]:.1f} points")
        lines.append("")

    chosen = [by_name[s.name].code for s in result.topics]
    if result.shares:
        lines.append("Decided by the learned model (the lexicon's points below are part of its evidence).")
    for code in chosen:
        lines += _evidence(code, result, scorer)
    others = sorted((c for c in result.evidence if c not in chosen), key=lambda c: (-result.evidence[c], c))
    if others:
        lines.append("Not assigned (points):")
        lines += [f"  {topics[c].name}: {result.evidence[c]:.1f}" for c in others[:OTHERS_SHOWN]]
        lines.append("")

    tag_text = ", ".join(article.tags if "tags" in article.given_keys
                         else finish_corpus([article], [analyse_article(article, taxonomy)], taxonomy)[0].tags)
    source = "given in the front matter" if "tags" in article.given_keys else "weighed against this article alone; in the site, against the whole collection"
    lines += [f"Tags ({source}): {tag_text or 'none'}"]
    return "\n".join(lines) + "\n"


def _evidence(code: str, result: Assessment, scorer: Scorer) -> list[str]:
    mine = sorted((h for h in result.hits if h.topic == code), key=lambda h: (-h.points, h.kind, h.term, h.matched))
    total = sum(h.points for h in mine)
    evidence = result.evidence[code]
    name = scorer.topics[code].name
    learned = code in result.shares
    if learned:
        words = result.words.get(code, [])[:MODEL_WORDS_SHOWN]
        shown = ", ".join(f"{w} (+{v:.2f})" for w, v in words) or "none above the topics' average"
        lines = [f"Why {name}: model share {result.shares[code]:.2f} ({evidence:.1f} points)",
                 f"  words the model weighed most for it: {shown}",
                 f"  lexicon: {total:.1f} points from {len(mine)} pieces of evidence"]
    else:
        lines = [f"Why {name}: {total:.1f} points from {len(mine)} pieces of evidence"]
    for hit in mine[:EVIDENCE_SHOWN]:
        lines.append(f"  +{hit.points:4.1f}  {_describe(hit)}")
    rest = mine[EVIDENCE_SHOWN:]
    if rest:
        lines.append(f"  +{sum(h.points for h in rest):4.1f}  and {len(rest)} more: " + ", ".join(_short(h) for h in rest))
    if evidence > total + 1e-9 and not learned:
        lines.append(f"  lifted to {evidence:.1f} points by its strongest sub-topic")
    return lines + [""]


def _short(hit: Hit) -> str:
    return f"{hit.matched} ({hit.term})" if hit.kind == "entity word" else hit.matched or hit.term


def _describe(hit: Hit) -> str:
    count = f"{hit.count:g}"
    if hit.kind == "entity":
        return f"entity {hit.matched!r}, {count} mention{'s' if hit.count != 1 else ''}"
    if hit.kind == "entity word":
        return f"entity {hit.matched!r} (name contains {hit.term!r}), {count} mention{'s' if hit.count != 1 else ''}"
    return f"{hit.kind} {hit.term!r} x{count}"


def explain_file(path: Path, content_dir: Path, config: DigestConfig) -> tuple[str | None, list[Problem]]:
    """Read one article as the pipeline would (with the content folder's entities.yml and
    topics.yml) and explain its topics. Returns (text, problems); text is None when the file
    could not be read."""

    path = path.resolve()
    try:
        source = path.relative_to(content_dir.resolve()).as_posix()
    except ValueError:
        source = path.name
    rules, taxonomy, problems = load_taxonomies(content_dir)
    articles, more = read_articles([InputFile(path, source)], config)
    problems += more
    if not articles:
        return None, problems
    article = extract_corpus(articles, rules)[0]
    return explain(article, taxonomy), problems
