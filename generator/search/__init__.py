"""digest's site search: a static index split into small files, and Material's search box to query it.

- `docs.py`: what is indexed (`SearchDoc`, `search_docs`)
- `text.py`: how text becomes words (the browser does the same to queries)
- `index.py`: the files and how they are kept up to date (`build_search_index`)
- `publish.py`: the files in a MkDocs build (`start_search_index`, `publish_search_index`)
- theme/assets/javascripts/digest-search.js: the search in the browser
"""

from .docs import SearchDoc, search_docs
from .index import build_search_index
from .publish import SearchIndexJob, publish_search_index, start_search_index

__all__ = ["SearchDoc", "SearchIndexJob", "build_search_index", "publish_search_index", "search_docs",
           "start_search_index"]
