import os
import sys
from pathlib import Path

# Tests import their helpers as `support`.
sys.path.insert(0, str(Path(__file__).resolve().parent))

# Every page reused from an earlier build is rendered again and compared (pages.memo): each test
# that builds twice, in this process or in a `mkdocs` it starts, checks every page kind's inputs.
os.environ["DIGEST_VERIFY_PAGE_MEMO"] = "1"
