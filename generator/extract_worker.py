"""Imported once by the forkserver that extraction workers fork from (see extract.py): the
stages' modules and their data are loaded there once, not again in every worker."""

import gc

from .enrich.entities.gazetteer import gazetteer
from .extract import extract_one  # noqa: F401  (the import is the point)
from .readers import html  # noqa: F401  (read lazily by the main process: loaded here for the workers)

gazetteer().whole()  # every table whole, derived ones too: made once here rather than in every worker
# The loaded data (the gazetteer: millions of objects) never forms cycles to collect: kept out
# of the cycle collector's sight in every worker forked from here (see nogc.FrozenHeap).
gc.freeze()
