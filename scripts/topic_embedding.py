"""Topic weights for words the labelled data hardly shows, from static word embeddings (training time only).

WordLlama (github.com/dleemiller/WordLlama, MIT; PyPI `wordllama`, the `l2_supercat` 256-dimension token
embeddings that ship inside its wheel, loaded from the installed package with downloads disabled) gives
each word a vector. Each IPTC top-level topic gets a centroid: the mean vector of its seed words
(scripts/data/topic_seeds.yml, five languages), of the default lexicon's words and phrases
(generator/data/iptc_media_topics.yml) and of the names of IPTC's sub-topics under it
(../shared/data/iptc, CC BY 4.0). A word's weight for a topic is its cosine to that centroid, centred
twice (less the word's mean over the topics, then less the topic's mean over the words) and scaled to
unit spread, so that "goalkeeper", "quarterback" or "smartphone" lean towards sport or science and
technology even when no labelled article has them, while words near no topic weigh about nothing.

scripts/train_topics.py adds `weight x` these values to the learned weights of the words' `w:` features
(the weight chosen by cross-validation) and ships the sum; nothing of WordLlama is needed at build time.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import yaml

from topic_data import IPTC, SEEDS

VOCABULARY_MIN_COUNT = 2  # a word of the training text needs this many occurrences to get an embedding weight
TOKEN_MIN_LENGTH = 4  # whole-word tokens of the embedding's own vocabulary at least this long count too


def load_wordllama():
    import wordllama

    folder = Path(wordllama.__file__).resolve().parent  # the weights and tokenizer ship in the wheel
    return wordllama.WordLlama.load(cache_dir=folder, disable_download=True)


def seed_texts(taxonomy, codes: tuple[str, ...]) -> dict[str, list[str]]:
    """Each top-level topic's seed words and phrases: seeds file, default lexicon, IPTC sub-topic names."""
    seeds: dict[str, list[str]] = {code: [] for code in codes}
    for code, languages in yaml.safe_load(SEEDS.read_text(encoding="utf-8")).items():
        for words in languages.values():
            seeds[code].extend(words)
    for topic in taxonomy.topics:
        if topic.code in seeds:
            seeds[topic.code].extend(t.text.rstrip("*") for t in (*topic.words, *topic.phrases) if t.weight >= 1)
    data = json.loads(IPTC.read_text(encoding="utf-8").replace("NaN", "null"))
    for code, concept in sorted(data.items()):
        top = concept.get("Level1/NewsCode")
        if not concept.get("RetiredDate") and top in seeds and code != top:
            seeds[top].append(concept["Name (en-GB)"].lower())
    return {code: sorted(set(texts)) for code, texts in seeds.items()}


def token_words(model) -> list[str]:
    """Whole words of the embedding's tokenizer ("▁goalkeeper" -> "goalkeeper"), alphabetic, lower case."""
    out = set()
    for token in model.tokenizer.get_vocab():
        if token.startswith("\u2581") and len(token) > TOKEN_MIN_LENGTH and token[1:].isalpha():
            out.add(token[1:].lower())
    return sorted(out)


def topic_word_weights(words: list[str], seeds: dict[str, list[str]], codes: tuple[str, ...]) -> np.ndarray:
    """(len(words), len(codes)) weights, centred per word and per topic, unit standard deviation."""
    model = load_wordllama()
    centroids = []
    for code in codes:
        vectors = model.embed(seeds[code], norm=True)
        centre = vectors.mean(axis=0)
        centroids.append(centre / np.linalg.norm(centre))
    vectors = np.asarray(model.embed(words, norm=True, batch_size=512), np.float64)
    cosine = vectors @ np.array(centroids, np.float64).T
    cosine -= cosine.mean(axis=1, keepdims=True)
    cosine -= cosine.mean(axis=0, keepdims=True)
    return cosine / cosine.std()
