"""Train the topic model shipped as generator/data/topic_model.npz (see generator/enrich/topics/learned.py).

    .venv/bin/pip install -e ".[train]"       # scikit-learn, for training only
    .venv/bin/python scripts/train_topics.py  # the grid: cross-validation over the settings below
    # the shipped file (settings compared through the build's code, see "Chosen now" at the end):
    .venv/bin/python scripts/train_topics.py --c 32 --lexicon 0.25 --embedding 0.1 --threshold 0 --scarce 1 \
        --conflict -1.5 --check

Training data, each record a document with its IPTC top-level labels:
- Wikinews English and Italian, `../shared/eval/topics/wikinews.jsonl` (from GitHub andreapdr/SBDTesting,
  commit f271c282e0e65b83b664a010309944e10269cb1a, a selection of PrimerAI/WikiNews-multilingual;
  Wikinews contributors, CC BY 2.5), minus the held-out third fixed in scripts/data/topics_heldout.txt
  (scripts/topic_split.py), which nothing here reads. An article with several labels counts once in all,
  shared among them. Wikinews' "Politics and conflicts" is politics alone, as the shared set maps it
  (`training_labels`; conflict, war and peace is learnt from the Current events' armed conflicts). Until
  2026-12-05 it also counted as conflict where the article itself had war evidence (the lexicon gave it at
  least as many conflict points as politics points); the history of that choice: Counting every such article as conflict (most
  are about elections, governments and diplomacy) taught the model that politics and crime stories are war:
  cross-validated main-topic accuracy 0.75 that way, 0.854 this way, 0.869 with politics alone, which
  however learns that a story of war is politics (0.925 against 0.928 when conflict counts as right where
  Wikinews says "Politics and conflicts"). IPTC's conflict, war and peace is armed conflict, war and unrest.
- Wikipedia's Current events summaries, `../shared/eval/topics/current_events.jsonl` (GitHub
  fordred/wikinews, commit 0441f5273b8763fa543a6148b97efbbbae37b371; Wikipedia contributors,
  CC BY-SA 4.0). Share-alike: the weights file is therefore CC BY-SA 4.0, kept in a file of its own.
- IPTC Media Topics, `../shared/data/iptc/iptc_mapping.json` (© IPTC, CC BY 4.0; extracted by
  TajaKuzman/IPTC-Media-Topic-Classification, commit c1a538d2929cf4ec4b116a794eab886f85c6aa59): each
  current concept's name and definition is a short document of its top-level topic, which is how
  labour, society, weather and the other topics the news sets lack stay reachable.
- scripts/data/topic_seeds.yml: seed words per topic in English, Italian, French, German and Spanish,
  written for this project.
- WordLlama's static token embeddings (PyPI `wordllama`, MIT; the model ships in the wheel), through
  scripts/topic_embedding.py: each word of the training text and each whole word of WordLlama's vocabulary
  (19,887 words) gets topic weights from its closeness to each topic's seed words, lexicon and IPTC sub-topic
  names, so words no labelled article shows ("quarterback", "chipmaker") still lean towards a topic. They are
  added, times `embedding`, to the learned weights of the words' `w:` features; only the sum is shipped.

The model: multinomial logistic regression (scikit-learn, lbfgs) over the word features of `learned.py`,
plus the lexicon's points as `lexicon x ln(1 + points)` on each topic's own logit (one weight for all topics:
fitted freely, the lexicon of one topic learnt to vote for others wherever the news sets lack that topic),
classes weighed towards equal weight (each topic's total to the power -`balance`), plus the embedding weights;
C, balance, lexicon and embedding weights chosen by 5-fold cross-validation on the Wikinews training part
(folds by article, fixed seed; a fold's test articles lend no words to the embedding vocabulary). The
criterion is the sum of two cross-validated accuracies: main topic among the labels, and main topic equal to
the first (the source's own) label. The first alone rewards the crime skew of the labels (a science or sport
story that also carries crime counts as right when filed under crime); desks label one topic per article.
Before this embedding round (lexicon 0.5, no embedding): 0.857 and 0.636; chosen (lexicon 0.25, embedding
0.2 over 2, balance 0.5): 0.865 and 0.646, English 278/305 (from 273), Italian 262/319 (same). Small gains
(5 and 6 of 624 articles): the Wikinews folds hardly test words the labelled data lacks, which is what the
embedding weights are for; balance 0.8 and "unseen words only" were no better.

Topics with under `SCARCE` news documents (labour, lifestyle, society, ...) get more weight from the lexicon
(`SCARCE_GRID`): nothing in the news sets can say how far to trust their lexicon, and without it they would
hardly ever win. Wikinews has none of their articles, so cross-validation only measures what the bonus costs
the others; the bonus is chosen on tests/fixtures/topics (two articles written for each topic), ties broken by
cross-validation. Weights under `PRUNE` in every topic are dropped; the rest are stored as float16.

Training and build compute the same numbers, and the figure to quote is the last one printed. Until
2026-12-05 the cross-validated 0.865 (English 278/305) was computed by a path the build does not take: the
build's model differed in (1) the scarce topics' lexicon bonus of +1.5, which cross-validation never applied
and which alone cost 0.861 -> 0.830 (stories of a teacher's hostage-taking, a priest's murder, a mosque tax,
an exam-time internet blackout went to education or religion); (2) the scaling of the features (the build scaled the
known features to length 1, training all of them, shared stems summed); (3) the lexicon's points (the build
adds those of the article's entities); (4) the stop words, changed after the model was trained (15 Italian
words the model weighed were never read). Run through the build's own code on the training part (the model
trained on it all, so no fair test), English got 272/305, below that cross-validated 278. Now the features and
the lexicon's points come from the build's functions (`learned.document_features`, `Scorer.lexicon_points`),
and after choosing the settings the script trains each fold's model again as a weights file and reads the
fold's test articles with the build's `Scorer` (`build_topics`): the cross-validated figure through the
build's code, short-article rule, pruning, float16 and the scarce topics' bonus included.

Chosen now: C 32, balance 0.5, lexicon 0.25, embedding 0.1 over 1 for all words, no conflict offset: 0.864 and
0.643 (English 277/305, Italian 262/319) without the scarce bonus; scarce topics' lexicon +1 (fixtures 39/41;
+0.5 gives 37, +1.5 also 39 but cross-validates 0.03 lower); through the build's code, English 270/305 = 0.885
(278 = 0.911 also counting conflict where Wikinews says "Politics and conflicts"), Italian 255/319 = 0.799 (6
Italian articles under `learned.MIN_WORDS` words get no topic; MIN_WORDS 30 gave 264/319, but would also give
the 45-word site notice of the fixtures a topic, so it stays 60).

2026-12-05, second round (settings compared by 5-fold cross-validation through the build's code, each fold's
model read by `Scorer`, on the Wikinews training part; English / Italian of 305 / 319):
- the former model (war-evidence mapping, no offset, scarce +1): 270 / 254; scarce +0: 277 / 255, but
  fixtures 34/41 (human interest, labour, lifestyle lost); a bias lift of the scarce topics instead of
  their lexicon bonus reached 37-38/41 fixtures at most and cost more; applying the bonus only when the
  scarce topic leads the lexicon changed nothing.
- conflict offset -1.5 on that mapping: 274 / 257 (Current events' "armed conflicts and attacks" files
  shootings and bombings that Wikinews and IPTC's "terrorism" file under crime; IPTC also files defence and
  armed forces under politics); halving the Current events' conflict weight instead: 270 / 253.
- "Politics and conflicts" as politics alone, offset -1.5, scarce +1: 275 / 257, fixtures 39/41 (chosen);
  without the offset 272 / 256. Counting conflict as right where Wikinews says "Politics and conflicts":
  276 (the former model 278).
The grid's own criterion (its score before the build's code) picks lexicon 0.5 and gives 270 / 259 through
the build's code, so the shipped file is trained with the settings named at the top.
"""

from __future__ import annotations

import json
import random
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import yaml

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent))

from topic_data import (CURRENT_EVENTS, IPTC, ROOT, SEEDS, Labelled, read_jsonl,  # noqa: E402
                        to_article, wikinews, with_conflict)
from topic_embedding import VOCABULARY_MIN_COUNT, seed_texts, token_words, load_wordllama, topic_word_weights  # noqa: E402
from generator.enrich.entities import extract_corpus, load_rules  # noqa: E402
from generator.enrich.topics import Scorer, load_taxonomy  # noqa: E402
from generator.enrich.topics.learned import (MODEL_RESOURCE, document_features, model_from_arrays,  # noqa: E402
                                             word_features)
from generator.enrich.topics.text import article_text  # noqa: E402

SEED = 13
CONFLICT_CODE, POLITICS_CODE, CRIME_CODE = "medtop:16000000", "medtop:11000000", "medtop:02000000"
# (C, class balance exponent); C = 8, 32 and 128 cross-validated within 0.003 of each other (0.869, 0.869,
# 0.867 with politics alone as the label), so only 32 is run; balance 0.8 and 1.0 (more weight against
# the crime skew) cross-validated lower, 0.849 and 0.841 against 0.857 (neither is run any more).
GRID = ((32.0, 0.5),)
# Weight of ln(1 + lexicon points) added to each topic's logit; never 0, since the lexicon also carries the
# owner's words added to a default topic (content/topics.yml), which must keep counting.
LEXICON_GRID = (0.25, 0.5, 1.0, 1.5)
# Embedding weights (scripts/topic_embedding.py): `EMBEDDING_GRID` x max(0, value - threshold) added to a word's
# weights, weight and threshold cross-validated together with the lexicon weight (0 = no embedding weights).
EMBEDDING_GRID = (0.0, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0)
# Added to the logit of conflict, war and peace (the shipped model: -1.5, see "2026-12-05, second round" above;
# the grid's own choice below still leaves it at 0).
CONFLICT_GRID = (0.0, -1.5)
THRESHOLD_GRID = (0.0, 1.0, 2.0)
# "all": every embedded word's weights get them; "unseen": only words the regression has no feature for.
MODE_GRID = ("all", "unseen")
SCARCE = 30  # a topic with fewer news documents (Wikinews, Current events) than this lacks data ...
# ... and one of these more lexicon weight: the one that gives the most fixtures (tests/fixtures/topics: two
# articles written for each IPTC topic) their main topic, ties broken by cross-validation on Wikinews, which has
# none of these topics' articles and so only measures what each costs the others. (Tried and dropped: a bonus
# times the lexicon's lead over the next topic, so the lexicon must prefer the topic; fixtures 38/41 at most
# below a weight of 6, which gave 39 and cross-validated lower, 1.487 against 1.510.)
SCARCE_GRID = (0.0, 0.5, 1.0, 1.5)
FIXTURES = ROOT / "tests" / "fixtures" / "topics"
# Current events at 0.25 and 1.0 cross-validated 0.864 and 0.848 (0.857 at 0.5): on Wikinews, less of the
# short summaries is better, but they hold most of the sport, arts and science examples; kept at 0.5.
SOURCE_WEIGHT = {"wikinews": 1.0, "current_events": 0.5, "iptc": 0.3, "seeds": 1.0}
MIN_DF = 2
PRUNE = 0.02
OUT = ROOT / "generator" / "data" / MODEL_RESOURCE


def iptc_documents(names: dict[str, str]) -> list[Labelled]:
    data = json.loads(IPTC.read_text(encoding="utf-8").replace("NaN", "null"))
    out = []
    for code, concept in sorted(data.items()):
        top = concept.get("Level1/NewsCode")
        if concept.get("RetiredDate") or top not in names:
            continue
        text = f"{concept['Name (en-GB)']}. {concept.get('Definition (en-GB)') or ''}"
        out.append(Labelled(f"iptc-{code}", concept["Name (en-GB)"], text, "en", (names[top],)))
    return out


def seed_documents(names: dict[str, str]) -> list[Labelled]:
    out = []
    for code, languages in yaml.safe_load(SEEDS.read_text(encoding="utf-8")).items():
        for language, words in languages.items():
            rng = random.Random(f"{SEED}-{code}-{language}")
            for i in range(3):  # three shuffled halves: no single list is one long document
                chosen = rng.sample(words, max(3, len(words) // 2))
                out.append(Labelled(f"seed-{code}-{language}-{i}", "", ". ".join(chosen), language, (names[code],)))
    return out


class Featurizer:
    def __init__(self) -> None:
        taxonomy, _ = load_taxonomy(None)
        self.taxonomy = taxonomy
        self.scorer = Scorer(taxonomy, model=None)  # the lexicon's points, as the build computes them
        self.rules, _ = load_rules(None)
        self.codes = tuple(sorted(t.code for t in taxonomy.topics if not t.parent))
        self.names = {t.code: t.name for t in taxonomy.topics}

    def articles(self, records: list[Labelled]) -> list:
        """The records as the build sees them, entities found over them as over one site."""
        return extract_corpus([to_article(r) for r in records], self.rules)

    def document(self, article) -> tuple[dict[str, float], np.ndarray]:
        """The article's features and ln(1 + lexicon points) per topic, words and entities: the build's numbers."""
        text = article_text(article)
        points, _ = self.scorer.lexicon_points(self.scorer.text_evidence(text), article.entities)
        lexicon = np.log1p(np.array([points.get(c, 0.0) for c in self.codes]))
        return document_features(text), lexicon


def choose_scarce_bonus(weights_file, featurizer: Featurizer, cross_validated) -> float:
    """The scarce topics' extra lexicon weight: of `SCARCE_GRID`, one with which the build's code gives the most
    fixtures their labelled main topic, then the best `cross_validated(bonus)` (`weights_file(bonus)` makes the
    model's arrays)."""
    from generator.config import config_from_dict
    from generator.discover import discover
    from generator.pipeline import read_articles

    labels = yaml.safe_load((FIXTURES / "labels.yml").read_text(encoding="utf-8"))
    files, _ = discover(FIXTURES / "articles")
    read, _ = read_articles(files, config_from_dict({}))
    fixtures = extract_corpus(read, featurizer.rules)
    right = {}
    for bonus in SCARCE_GRID:
        scorer = Scorer(featurizer.taxonomy, model_from_arrays(weights_file(bonus)))
        for article in fixtures:
            text = article_text(article)
            topics = scorer.rank(scorer.text_evidence(text), article.entities, scorer.text_logits(text))
            right[bonus] = right.get(bonus, 0) + ((topics[0].name if topics else None) == labels[article.source].get("main"))
        print(f"scarce topics' lexicon +{bonus:g}: fixtures' main topic right {right[bonus]}/{len(labels)}, "
              f"cross-validated {cross_validated(bonus):.3f}", flush=True)
    return max(SCARCE_GRID, key=lambda b: (right[b], cross_validated(b), -b))


def matrix(docs, vocabulary: dict[str, int]):
    from scipy.sparse import csr_matrix

    rows, cols, vals = [], [], []
    for i, (features, _) in enumerate(docs):
        for f, v in features.items():
            if f in vocabulary:
                rows.append(i)
                cols.append(vocabulary[f])
                vals.append(v)
    return csr_matrix((vals, (rows, cols)), shape=(len(docs), len(vocabulary)))


def training_labels(record: Labelled, lexicon: np.ndarray, codes: tuple[str, ...]) -> tuple[str, ...]:
    """The record's labels as the shared set maps them: Wikinews' "Politics and conflicts" is politics alone.
    (Until 2026-12-05 it also counted as conflict, war and peace where the lexicon gave conflict the most points;
    cross-validated through the build's code, with the conflict offset and scarce bonus below: English 275/305
    this way against 274/305 that way, and 270/305 for the former model without the offset.)"""
    return record.labels


def expand(labelled: list[tuple[str, ...]], sources: list[str], codes_of: dict[str, str], balance: float):
    """One row per (document, label), weight shared among the labels; classes balanced."""
    index, labels, weights = [], [], []
    for i, (names, source) in enumerate(zip(labelled, sources)):
        for label in names:
            if label in codes_of:
                index.append(i)
                labels.append(codes_of[label])
                weights.append(SOURCE_WEIGHT[source] / len(names))
    totals = Counter()
    for label, w in zip(labels, weights):
        totals[label] += w
    mean = sum(totals.values()) / len(totals)
    weights = [w * (mean / totals[label]) ** balance for label, w in zip(labels, weights)]
    return np.array(index), np.array(labels), np.array(weights)


def report_folds(train: list[Labelled], guesses: dict, settings: dict[str, tuple]) -> None:
    """Cross-validated main-topic accuracy per language and recall per first label, for the settings named."""
    for name, setting in settings.items():
        guessed = guesses[setting]
        print(f"{name}: " + ", ".join(
            f"{language} {sum(guessed[i] in r.labels for i, r in enumerate(train) if r.language == language)}"
            f"/{sum(r.language == language for r in train)}" for language in sorted({r.language for r in train})))
        firsts = Counter(r.labels[0] for r in train)
        print("  recall of the first label: " + ", ".join(
            f"{label[:12]} {sum(guessed[i] == label for i, r in enumerate(train) if r.labels[0] == label)}/{n}"
            for label, n in sorted(firsts.items())), flush=True)


def fit(x, y, w, c: float):
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=3000, tol=1e-5, random_state=SEED)
    model.fit(x, y, sample_weight=w)
    return model


def save(out: Path, **arrays: np.ndarray) -> None:
    """An .npz file whose bytes depend only on the arrays (numpy's own stamps the time)."""
    import io
    import zipfile

    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, array in arrays.items():
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.ascontiguousarray(array), allow_pickle=False)
            archive.writestr(zipfile.ZipInfo(name + ".npy", date_time=(1980, 1, 1, 0, 0, 0)), buffer.getvalue(),
                             compress_type=zipfile.ZIP_DEFLATED)


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--c", type=float, help="skip cross-validation: use this C (with --balance)")
    parser.add_argument("--balance", type=float, default=0.5, help="class balance exponent with --c")
    parser.add_argument("--lexicon", type=float, default=1.0, help="lexicon weight with --c")
    parser.add_argument("--embedding", type=float, default=0.0, help="embedding weight with --c")
    parser.add_argument("--threshold", type=float, default=0.0, help="embedding threshold with --c")
    parser.add_argument("--words", choices=MODE_GRID, default="all", help="embedding words with --c")
    parser.add_argument("--scarce", type=float, default=1.0, help="scarce topics' extra lexicon weight with --c")
    parser.add_argument("--conflict", type=float, default=0.0, help="with --c: added to conflict's logit")
    parser.add_argument("--check", action="store_true", help="with --c: cross-validate those settings through the build's code")
    parser.add_argument("--out", type=Path, default=OUT, help=f"where to write (default {OUT.relative_to(ROOT)})")
    args = parser.parse_args()
    featurizer = Featurizer()
    codes_of = {name: code for code, name in featurizer.names.items()}
    train, _ = wikinews()  # the held-out part is not looked at
    parts = {"wikinews": train, "current_events": read_jsonl(CURRENT_EVENTS),
             "iptc": iptc_documents(featurizer.names), "seeds": seed_documents(featurizer.names)}
    records = [r for part in parts.values() for r in part]
    sources = [name for name, part in parts.items() for _ in part]
    print(f"training documents: {Counter(sources)}", flush=True)
    articles = [a for part in parts.values() for a in featurizer.articles(part)]
    docs = [featurizer.document(a) for a in articles]
    labelled = [training_labels(r, lexicon, featurizer.codes) for r, (_, lexicon) in zip(records, docs)]

    def vocabulary_of(chosen: list[int]) -> dict[str, int]:
        df = Counter(f for i in chosen for f in docs[i][0])
        seeds = {f for i in chosen if sources[i] == "seeds" for f in docs[i][0]}
        return {f: j for j, f in enumerate(sorted(f for f, n in df.items() if n >= MIN_DF or f in seeds))}

    # Embedding weights for the words of the training text and the whole words of the embedding's vocabulary.
    # In cross-validation a word of the training text has them only when the training folds hold it often enough.
    def text_words(chosen: list[int]) -> set[str]:
        df = Counter(f for i in chosen for f in docs[i][0] if f.startswith("w:"))
        return {f[2:] for f, n in df.items() if n >= VOCABULARY_MIN_COUNT}

    tokens = {w for w in token_words(load_wordllama()) if word_features(w)}
    embedded_words = sorted(text_words(list(range(len(records)))) | tokens)
    embedded = topic_word_weights(embedded_words, seed_texts(featurizer.taxonomy, featurizer.codes), featurizer.codes)
    embedded_index = {"w:" + w: j for j, w in enumerate(embedded_words)}
    x_embedded = matrix(docs, embedded_index).tocsc()
    print(f"embedding weights for {len(embedded_words):,} words", flush=True)

    def scarce_topics(chosen: list[int]) -> set[str]:
        """Topics with under `SCARCE` news documents among those chosen (their lexicon weighs more)."""
        news = Counter(label for i in chosen if sources[i] in ("wikinews", "current_events") for label in labelled[i])
        return {code for code in featurizer.codes if news[featurizer.names[code]] < SCARCE}

    def weights_file(fitted, vocabulary: dict[str, int], chosen: list[int], balance: float, alpha: float,
                     embedding: float, threshold: float, words: str, scarce_bonus: float, scores: dict,
                     conflict: float = 0.0) -> dict:
        """The arrays of the weights file for a model fitted on the documents `chosen` (all of them for the
        shipped one, the training folds in cross-validation): what the build loads."""
        codes = list(fitted.classes_)
        names = sorted(vocabulary, key=vocabulary.get)
        columns = [featurizer.codes.index(k) for k in codes]
        seen = text_words(chosen) | tokens  # words of the documents chosen, and the embedding's own
        extra = embedding * np.maximum(0.0, embedded - threshold)[:, columns]
        names += sorted(f for f in embedded_index if f not in vocabulary and f[2:] in seen)
        word_weights = np.zeros((len(names), len(codes)))  # (features, topics)
        word_weights[: len(vocabulary)] = fitted.coef_.T
        for row, name in enumerate(names):
            if name in embedded_index and name[2:] in seen and (words == "all" or name not in vocabulary):
                word_weights[row] += extra[embedded_index[name]]
        keep = np.abs(word_weights).max(axis=1) >= PRUNE
        scarce = scarce_topics(chosen)
        lexicon = np.array([alpha + (scarce_bonus if c in scarce else 0.0) for c in codes])
        about = {"C": fitted.C, "balance": balance, "lexicon": alpha, "embedding": embedding, "threshold": threshold,
                 "embedding_words": words, "scarce_lexicon": scarce_bonus, "conflict": conflict,
                 "scarce_topics": [featurizer.names[c] for c in codes if c in scarce], "seed": SEED,
                 "documents": dict(Counter(sources[i] for i in chosen)), "cross_validated": scores,
                 "features": [int(keep.sum()), len(names)],
                 "sources": ["wikinews (CC BY 2.5)", "wikipedia current events (CC BY-SA 4.0)",
                             "IPTC Media Topics (CC BY 4.0)", "scripts/data/topic_seeds.yml",
                             "WordLlama l2_supercat embeddings (MIT), via scripts/topic_embedding.py"]}
        return {"features": np.frombuffer("\n".join(n for n, k in zip(names, keep) if k).encode("utf-8"), np.uint8),
                "codes": np.frombuffer("\n".join(codes).encode("utf-8"), np.uint8),
                "weights": word_weights[keep].astype(np.float16),
                "lexicon": lexicon.astype(np.float32),
                "bias": (fitted.intercept_ + conflict * (np.array(codes) == CONFLICT_CODE)).astype(np.float32),
                "about": np.frombuffer(json.dumps(about, sort_keys=True).encode("utf-8"), np.uint8)}

    def build_topics(arrays: dict, tested: list[int]) -> list[str | None]:
        """The main topic the build gives each of the documents `tested` with the model of `arrays`: the
        build's own code (Scorer.rank on the lexicon's evidence, entities and the model's text logits)."""
        model = model_from_arrays(arrays)
        scorer = Scorer(featurizer.taxonomy, model)
        out = []
        for i in tested:
            text = article_text(articles[i])
            topics = scorer.rank(scorer.text_evidence(text), articles[i].entities, scorer.text_logits(text))
            out.append(topics[0].name if topics else None)
        return out

    # Settings by 5-fold cross-validation over the Wikinews training articles (main topic among the labels).
    folds = list(range(len(train)))
    random.Random(SEED).shuffle(folds)
    fold_tests = [sorted(set(folds[k::5])) for k in range(5)]
    fold_chosen = [[i for i in range(len(records)) if i not in set(test)] for test in fold_tests]
    scores, guesses, fitted_folds = {}, {}, {}
    for c, balance in GRID if args.c is None else ():
        settings = [(a, e, t, m, b, o) for a in LEXICON_GRID for e in EMBEDDING_GRID for t in THRESHOLD_GRID
                    for m in MODE_GRID for b in SCARCE_GRID for o in CONFLICT_GRID if e or (not t and m == "all")]
        right, first, lenient = dict.fromkeys(settings, 0), dict.fromkeys(settings, 0), dict.fromkeys(settings, 0)
        for k, (tested, chosen) in enumerate(zip(fold_tests, fold_chosen)):
            vocabulary = vocabulary_of(chosen)
            x = matrix([docs[i] for i in chosen], vocabulary)
            idx, y, w = expand([labelled[i] for i in chosen], [sources[i] for i in chosen], codes_of, balance)
            model = fit(x[idx], y, w, c)
            fitted_folds[c, balance, k] = model, vocabulary
            scores_ = model.decision_function(matrix([docs[i] for i in tested], vocabulary))
            columns = [featurizer.codes.index(k) for k in model.classes_]
            lexicon = np.array([docs[i][1] for i in tested])[:, columns]
            scarce_codes = scarce_topics(chosen)
            scarce = np.array([k in scarce_codes for k in model.classes_], float)
            seen = text_words(chosen) | tokens
            masks = {"all": np.array([w in seen for w in embedded_words]),
                     "unseen": np.array([w in seen and "w:" + w not in vocabulary for w in embedded_words])}
            evidence = {(m, t): np.asarray(x_embedded[tested][:, mask] @ np.maximum(0.0, embedded[mask] - t))
                        for m, mask in masks.items() for t in THRESHOLD_GRID}
            conflict = np.array([k == CONFLICT_CODE for k in model.classes_], float)
            for alpha, e, t, m, b, o in settings:
                total = scores_ + (alpha + b * scarce) * lexicon + e * evidence[m, t][:, columns] + o * conflict
                predicted = model.classes_[np.argmax(total, axis=1)]
                right[alpha, e, t, m, b, o] += sum(featurizer.names[p] in records[i].labels for p, i in zip(predicted, tested))
                first[alpha, e, t, m, b, o] += sum(featurizer.names[p] == records[i].labels[0] for p, i in zip(predicted, tested))
                lenient[alpha, e, t, m, b, o] += sum(featurizer.names[p] in with_conflict(records[i]) for p, i in zip(predicted, tested))
                if b == SCARCE_GRID[0]:
                    for p, i in zip(predicted, tested):
                        guesses.setdefault((c, balance, alpha, e, t, m, b, o), {})[i] = featurizer.names[p]
        for alpha, e, t, m, b, o in settings:
            accuracy, desk = right[alpha, e, t, m, b, o] / len(train), first[alpha, e, t, m, b, o] / len(train)
            scores[f"C={c:g} balance={balance:g} lexicon={alpha:g} embedding={e:g} threshold={t:g} conflict={o:g} "
                   f"scarce={b:g} words={m}"] = round(accuracy + desk, 6)
            print(f"C={c:g}, balance {balance:g}, lexicon {alpha:g}, embedding {e:g} over {t:g} for {m} words, "
                  f"conflict {o:+g}, scarce topics' lexicon +{b:g}: cross-validated main-topic accuracy on Wikinews training "
                  f"articles {accuracy:.3f}, first label {desk:.3f}, also counting conflict where Wikinews says "
                  f"'Politics and conflicts' {lenient[alpha, e, t, m, b, o] / len(train):.3f}", flush=True)
    if args.c is None:  # ties: the larger lexicon weight, the larger embedding weight, the smaller C, conflict offset
        def value(key: str, name: str) -> float:
            return float(key.split(f"{name}=")[1].split()[0])

        # The scarce topics' bonus cannot be chosen on Wikinews, which has none of their articles: it is
        # chosen below on the fixtures; the other settings are chosen without it, and without a conflict offset.
        key = max((k for k in scores if value(k, "scarce") == 0 and value(k, "conflict") == 0),
                  key=lambda k: (scores[k], value(k, "lexicon"), value(k, "embedding"), -value(k, "C"),
                                 -abs(value(k, "conflict"))))
        best, balance, alpha, embedding, threshold, conflict = (
            value(key, n) for n in ("C", "balance", "lexicon", "embedding", "threshold", "conflict"))
        words = key.split("words=")[1]
        report_folds(train, guesses, {
            "before (lexicon 0.5, no embedding)": (best, 0.5, 0.5, 0.0, 0.0, "all", SCARCE_GRID[0], 0.0),
            "chosen": (best, balance, alpha, embedding, threshold, words, SCARCE_GRID[0], conflict)})
    else:
        best, balance, alpha = args.c, args.balance, args.lexicon
        embedding, threshold, words, conflict = args.embedding, args.threshold, args.words, args.conflict
    everything = list(range(len(records)))
    vocabulary = vocabulary_of(everything)
    x = matrix(docs, vocabulary)
    idx, y, w = expand(labelled, sources, codes_of, balance)
    model = fit(x[idx], y, w, best)
    if args.c is not None:
        bonus = args.scarce
    else:
        prefix = key.split(" scarce=")[0]
        bonus = choose_scarce_bonus(
            lambda b: weights_file(model, vocabulary, everything, balance, alpha, embedding, threshold, words, b, {},
                                   conflict),
            featurizer, lambda b: scores[f"{prefix} scarce={b:g} words={words}"])
    # The chosen settings once more, each fold's model made into a weights file and read by the build's own
    # code, which is what the held-out check and the users get (the figure to state beside the held-out one).
    if args.c is None or args.check:
        guessed = {}
        for k, (tested, chosen) in enumerate(zip(fold_tests, fold_chosen)):
            if (best, balance, k) not in fitted_folds:  # --c: no grid was run
                fold_vocabulary = vocabulary_of(chosen)
                idx_, y_, w_ = expand([labelled[i] for i in chosen], [sources[i] for i in chosen], codes_of, balance)
                fitted_folds[best, balance, k] = fit(matrix([docs[i] for i in chosen], fold_vocabulary)[idx_], y_, w_, best), fold_vocabulary
            fitted, fold_vocabulary = fitted_folds[best, balance, k]
            arrays = weights_file(fitted, fold_vocabulary, chosen, balance, alpha, embedding, threshold, words, bonus, {},
                                  conflict)
            guessed.update(zip(tested, build_topics(arrays, tested)))
        for language in sorted({r.language for r in train}):
            ids = [i for i, r in enumerate(train) if r.language == language]
            print(f"cross-validated through the build's code, scarce topics' lexicon +{bonus:g}: {language} "
                  f"{sum(guessed[i] in train[i].labels for i in ids)}/{len(ids)} main topic among the labels, "
                  f"{sum(guessed[i] in with_conflict(train[i]) for i in ids)} also counting conflict where Wikinews "
                  f"says 'Politics and conflicts', {sum(guessed[i] == train[i].labels[0] for i in ids)} the first label, "
                  f"{sum(guessed[i] is None for i in ids)} without a topic", flush=True)
            mistakes = Counter((train[i].labels[0][:12], (guessed[i] or "none")[:12]) for i in ids
                               if guessed[i] not in train[i].labels)
            print("  mistakes (first label -> main topic): " + ", ".join(
                f"{a} -> {b} {n}" for (a, b), n in sorted(mistakes.items(), key=lambda kv: (-kv[1], kv[0]))), flush=True)
    arrays = weights_file(model, vocabulary, everything, balance, alpha, embedding, threshold, words, bonus, scores,
                          conflict)
    save(args.out, **arrays)
    kept, total = json.loads(bytes(arrays["about"]))["features"]
    print(f"C={best:g}, balance {balance:g}, lexicon {alpha:g}, conflict {conflict:+g}, scarce topics' lexicon +{bonus:g}; {kept:,} of {total:,} features kept "
          f"-> {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
