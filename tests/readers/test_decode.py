"""Control characters are counted and stripped as the patterns say (the check is only faster)."""

import importlib
import random

import pytest

from generator.readers import read_bytes
from generator.readers.base import ReadError

decode_module = importlib.import_module("generator.readers.decode")


def test_control_characters_are_stripped_as_the_pattern_strips_them():
    alphabet = [chr(i) for i in range(0x22)] + ["é", "\u2028", "\x7f", "\x85", "€", "a"]
    rng = random.Random(1)
    for _ in range(3000):
        text = "Title\n\n" + "".join(rng.choice(alphabet) for _ in range(rng.randrange(12))) + " words" * 20
        expected_count = len(decode_module._COUNTED_CONTROLS.findall(text))
        try:
            got, _ = decode_module.decode(text.encode("utf-8"))
        except decode_module.NotText:
            assert expected_count > 8
            continue
        expected = decode_module._STRIPPED_CONTROLS.sub("", text.replace("\x00", ""))
        assert got == decode_module.normalize_newlines(expected)


def test_many_control_characters_mean_not_text():
    with pytest.raises(ReadError):
        read_bytes("x.txt", b"Title\n\n" + b"\x01\x02\x03" * 20)
