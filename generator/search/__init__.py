"""digest's site search: a static index split into small files, and Material's search box to query it.

- `searchdoc.py`: one page as search sees it (`SearchDoc`), and what a build hands the index (`Handover`)
- `docs.py`: what is indexed (`search_docs`)
- `text.py`: how text becomes words (the browser does the same to queries)
- `index.py`: the files and how they are kept up to date (`build_search_index`, `update_search_index`)
- `publish.py`: the files in a MkDocs build (`start_search_index`, `publish_search_index`)
- theme/assets/javascripts/digest-search.js: the search in the browser
"""

# Only the index here: the process that builds it imports this package, and must not pay for the
# site model and MkDocs (import `docs` and `publish` themselves for those).
from .index import build_search_index
from .searchdoc import SearchDoc

__all__ = ["SearchDoc", "build_search_index"]
