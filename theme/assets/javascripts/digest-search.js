/* digest's site search, in Material's search box.
 *
 * Reads the static index that generator/search/index.py writes under search/digest/
 * (its docstring describes the files), fetching only the files a query needs: meta.json,
 * one term file per query word, and the metadata chunks of the results shown. No
 * framework, no build step. Material's own search (a lunr index of every page in a web
 * worker) is not started: theme/partials/search.html renders Material's box without the
 * attribute Material's script looks for.
 *
 * fold() and words() must treat text exactly as generator/search/text.py does.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-digest-search]");
  var toggle = document.getElementById("__search");
  var configScript = document.getElementById("__config");
  if (!root || !toggle || !configScript) return;

  var config = JSON.parse(configScript.textContent);
  var translations = config.translations || {};
  var base = new URL(config.base, location.href);
  var indexBase = new URL("search/digest/", base);
  var highlightTerms = (config.features || []).indexOf("search.highlight") >= 0;

  var form = root.querySelector("form");
  var input = root.querySelector("input[name=query]");
  var meta = root.querySelector(".md-search-result__meta");
  var list = root.querySelector(".md-search-result__list");
  var scrollwrap = root.querySelector(".md-search__scrollwrap");

  var PAGE = 10;                 // results rendered at a time
  var PREFIX_FACTOR = 0.5;       // a word the query's last word only begins (the exact word counts 1)
  var MAX_WORD = 40;
  var FUZZY_MIN = 5, FUZZY_TWO = 9;  // as generator/search/text.py
  var TYPO_FACTOR = 0.4;         // a word one typo away from the query's (0.16 for two)
  var RARE_TYPO = 2;             // a query word in this few pages may itself be a typo in them...
  var TYPO_MARGIN = 2;           // ...when a word a typo away is in twice as many or more
  var MAX_TYPO_FILES = 3;        // other term files fetched for a typo in the first two letters

  // --- text: as generator/search/text.py -------------------------------------------

  var EXTRA_FOLDS = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ς": "σ"};
  var NO_SPACE = "\\u0e00-\\u0eff\\u1000-\\u109f\\u1780-\\u17ff\\u3005\\u3007\\u3040-\\u30ff\\u31f0-\\u31ff" +
    "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{3134f}";
  var WORDS = new RegExp("[" + NO_SPACE + "]+|(?:(?![" + NO_SPACE + "])[\\p{L}\\p{N}])+", "gu");
  var IS_NO_SPACE = new RegExp("^[" + NO_SPACE + "]", "u");
  var ENDS_IN_WORD = /[\p{L}\p{N}]$/u;
  var RUNS = /[\p{L}\p{N}\p{M}]+/gu;  // words as written, marks included, for highlighting

  function fold(text) {
    return text.normalize("NFKD").toLowerCase().replace(/\p{M}+/gu, "")
      .replace(/[ßæœøłđðþıς]/g, function (c) { return EXTRA_FOLDS[c]; });
  }

  function words(text) {
    var out = [];
    var runs = fold(text).match(WORDS) || [];
    for (var i = 0; i < runs.length; i++) {
      var chars = Array.from(runs[i]);
      if (IS_NO_SPACE.test(runs[i])) {
        if (chars.length === 1) out.push(runs[i]);
        for (var j = 0; j + 1 < chars.length; j++) out.push(chars[j] + chars[j + 1]);
      } else if (chars.length <= MAX_WORD) {
        out.push(runs[i]);
      }
    }
    return out;
  }

  function shardKey(term) {
    var chars = Array.from(term);
    return chars.slice(0, IS_NO_SPACE.test(term) ? 1 : 2).join("");
  }

  function shardName(key) {
    if (/^[a-z0-9]+$/.test(key)) return key;
    return "_" + Array.from(key, function (c) { return c.codePointAt(0).toString(16); }).join("-");
  }

  // --- files -----------------------------------------------------------------------

  var metaPromise = null;
  var files = new Map();

  function fetchJSON(url, options) {
    return fetch(url, options).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + url);
      return response.json();
    });
  }

  function loadMeta() {
    if (!metaPromise) {
      // Revalidated on every page load: the version in it names the other files' versions.
      metaPromise = fetchJSON(new URL("meta.json", indexBase), {cache: "no-cache"}).then(function (m) {
        if (m.format !== 2) throw new Error("search index format " + m.format + ", this script reads 2");
        m.termFiles = new Set(m.terms ? m.terms.split(" ") : []);
        m.spellingFiles = new Set(m.spellings ? m.spellings.split(" ") : []);
        return m;
      });
      metaPromise.catch(function () { metaPromise = null; });
    }
    return metaPromise;
  }

  function loadFile(m, path) {
    var url = new URL(path + "?v=" + m.version, indexBase).href;
    if (!files.has(url)) {
      var promise = fetchJSON(url);
      promise.catch(function () { files.delete(url); });
      files.set(url, promise);
    }
    return files.get(url);
  }

  function loadShard(m, key) {
    var name = shardName(key);
    if (!m.termFiles.has(name)) return Promise.resolve({s: [], w: {}});
    return loadFile(m, "t/" + name + ".json");
  }

  // Postings: [count, base64] per id space: ids as LEB128 gaps, then a score byte each.
  function decode(count, text) {
    var ids = new Array(count), scores = new Array(count);
    if (!count) return {ids: ids, scores: scores};
    var bytes = atob(text), pos = 0, id = 0, at = bytes.length - count;
    for (var i = 0; i < count; i++) {
      var value = 0, shift = 0, b;
      do {
        b = bytes.charCodeAt(pos++);
        value += (b & 127) * Math.pow(2, shift);
        shift += 7;
      } while (b & 128);
      id += value;
      ids[i] = id;
      scores[i] = bytes.charCodeAt(at + i);
    }
    return {ids: ids, scores: scores};
  }

  // --- searching -------------------------------------------------------------------

  function parse(query) {
    var tokens = words(query);
    var prefix = ENDS_IN_WORD.test(fold(query)) && tokens.length > 0;
    var out = tokens.map(function (t, i) { return {text: t, prefix: prefix && i === tokens.length - 1}; });
    // A last word of one letter says too little to search for words beginning with it.
    var last = out[out.length - 1];
    if (last && last.prefix && Array.from(last.text).length < 2 && !IS_NO_SPACE.test(last.text)) out.pop();
    var seen = new Set();
    return out.filter(function (t) {
      var k = t.text + (t.prefix ? "*" : "");
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  }

  // --- typos: as generator/search/text.py (`spelling_key`) ----------------------------

  // Edits allowed in a query word: one from FUZZY_MIN letters, two from FUZZY_TWO.
  function typosAllowed(text) {
    var n = Array.from(text).length;
    if (IS_NO_SPACE.test(text)) return 0;
    return n >= FUZZY_TWO ? 2 : n >= FUZZY_MIN ? 1 : 0;
  }

  // Edits (insert, delete, replace, swap two neighbours) from `a` to `b`, or max + 1 when more.
  // With `prefix`, to the closest beginning of `b` (the query's last word may be unfinished).
  function distance(a, b, max, prefix) {
    if (!prefix && Math.abs(a.length - b.length) > max) return max + 1;
    var rows = [[]], i, j;
    for (j = 0; j <= b.length; j++) rows[0][j] = j;
    for (i = 1; i <= a.length; i++) {
      var row = rows[i] = [i], low = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var d = Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
        row[j] = d;
        if (d < low) low = d;
      }
      if (low > max) return max + 1;
    }
    var last = rows[a.length];
    return prefix ? Math.min.apply(null, last) : last[b.length];
  }

  // Words of `words` within the typos allowed of the token: [[word, edits], ...], fewest edits first.
  function nearWords(token, words) {
    var max = typosAllowed(token.text);
    var a = Array.from(token.text), found = [];
    if (!max) return found;
    words.forEach(function (word) {
      if (word === token.text) return;
      var d = distance(a, Array.from(word), max, token.prefix);
      if (d <= max) found.push([word, d]);
    });
    return found.sort(function (x, y) { return x[1] - y[1] || (x[0] < y[0] ? -1 : 1); });
  }

  function df(entry) { return entry[0] + entry[2]; }

  // The index words a token stands for: [[word, factor, entry, pages for its weight], ...]. Exact and (for the last
  // word) beginning matches; words a typo away when there are none, or when the word itself is
  // in so few pages beside them that it is likely a typo in those pages.
  function matchToken(m, token, shard, noTypos) {
    var found = [], exactDf = 0;
    Object.keys(shard.w).forEach(function (term) {
      var exact = term === token.text;
      if (!exact && !(token.prefix && term.lastIndexOf(token.text, 0) === 0)) return;
      found.push([term, exact ? 1 : PREFIX_FACTOR, shard.w[term]]);
      if (exact) exactDf = df(shard.w[term]);
    });
    if (noTypos || (found.length && (!exactDf || exactDf > RARE_TYPO))) return Promise.resolve(found);
    var near = nearWords(token, Object.keys(shard.w));
    // The words fewest typos away, each scored as if it were the most common of them: a
    // correction is no better for being rare (rarity would otherwise rank it first).
    var add = function (words, entries) {
      var near = words.filter(function (pair) {
        var entry = entries[pair[0]];
        return entry && df(entry) >= exactDf * TYPO_MARGIN;
      });
      near = near.filter(function (pair) { return pair[1] === near[0][1]; });
      var common = Math.max.apply(null, [0].concat(near.map(function (pair) { return df(entries[pair[0]]); })));
      near.forEach(function (pair) { found.push([pair[0], Math.pow(TYPO_FACTOR, pair[1]), entries[pair[0]], common]); });
      return found;
    };
    if (near.length || found.length || !typosAllowed(token.text)) return Promise.resolve(add(near, shard.w));
    // A typo in the first two letters: the words with the same last two, in other term files.
    var key = Array.from(token.text).slice(-2).join("");
    if (!m.spellingFiles.has(shardName(key))) return Promise.resolve(found);
    return loadFile(m, "e/" + shardName(key) + ".json").then(function (spelling) {
      var own = shardKey(token.text);
      near = nearWords(token, spelling.filter(function (w) { return shardKey(w) !== own; }));
      var keys = [];
      near.forEach(function (pair) {
        var k = shardKey(pair[0]);
        if (keys.indexOf(k) < 0 && keys.length < MAX_TYPO_FILES) keys.push(k);
      });
      near = near.filter(function (pair) { return keys.indexOf(shardKey(pair[0])) >= 0; });
      return Promise.all(keys.map(function (k) { return loadShard(m, k); })).then(function (shards) {
        var entries = {};
        shards.forEach(function (other) { near.forEach(function (pair) { if (other.w[pair[0]]) entries[pair[0]] = other.w[pair[0]]; }); });
        return add(near, entries);
      });
    });
  }

  function search(m, tokens) {
    return Promise.all(tokens.map(function (t) { return loadShard(m, shardKey(t.text)); })).then(function (shards) {
      return Promise.all(tokens.map(function (token, k) {
        // A stop word is matched as it is (in pages of other languages), never corrected.
        return matchToken(m, token, shards[k], shards[k].s.indexOf(token.text) >= 0);
      })).then(function (matched) { return rank(m, tokens, shards, matched); });
    });
  }

  function rank(m, tokens, shards, matched) {
    var total = m.articles + m.pages;
    var scored = tokens.map(function (token, k) {
      var stop = shards[k].s.indexOf(token.text) >= 0;
      var best = [new Map(), new Map()];
      token.words = new Set();
      matched[k].forEach(function (match) {
        var entry = match[2], n = match[3] || df(entry);
        var idf = Math.log(1 + (total - n + 0.5) / (n + 0.5)) * match[1];
        token.words.add(match[0]);
        for (var s = 0; s < 2; s++) {
          var p = decode(entry[2 * s], entry[2 * s + 1]);
          var map = best[s];
          for (var i = 0; i < p.ids.length; i++) {
            var score = idf * p.scores[i];
            var before = map.get(p.ids[i]);
            if (before === undefined || score > before) map.set(p.ids[i], score);
          }
        }
      });
      // Stop words are optional; so is every word when the query has nothing else.
      return {token: token, stop: stop, best: best};
    });
    var required = scored.filter(function (x) { return !x.stop; });
    var results = [];
    for (var s = 0; s < 2; s++) {
      var candidates;
      if (required.length) {
        var maps = required.map(function (x) { return x.best[s]; }).sort(function (a, b) { return a.size - b.size; });
        candidates = Array.from(maps[0].keys()).filter(function (id) {
          return maps.every(function (map) { return map.has(id); });
        });
      } else {
        var all = new Set();
        scored.forEach(function (x) { x.best[s].forEach(function (_, id) { all.add(id); }); });
        candidates = Array.from(all);
      }
      candidates.forEach(function (id) {
        var score = 0;
        scored.forEach(function (x) { score += x.best[s].get(id) || 0; });
        results.push({space: s ? "p" : "a", id: id, score: score});
      });
    }
    // Best first; among equals, pages before articles and newer (higher ids) first.
    results.sort(function (a, b) {
      return b.score - a.score || (a.space === b.space ? b.id - a.id : a.space === "p" ? -1 : 1);
    });
    return results;
  }

  function withDocs(m, results) {
    var paths = [];
    results.forEach(function (r) {
      var path = "d/" + r.space + Math.floor(r.id / m.chunk) + ".json";
      if (paths.indexOf(path) < 0) paths.push(path);
    });
    return Promise.all(paths.map(function (p) { return loadFile(m, p); })).then(function (chunks) {
      return results.map(function (r) {
        var chunk = chunks[paths.indexOf("d/" + r.space + Math.floor(r.id / m.chunk) + ".json")];
        var d = chunk[r.id % m.chunk];
        return {url: d[0], title: d[1], kind: d[2], date: d[3], summary: d[4]};
      });
    });
  }

  // --- showing ---------------------------------------------------------------------

  var KINDS = {article: "Article", person: "Person", organization: "Organization", place: "Place", topic: "Topic", story: "Story", tag: "Tag"};
  var current = 0;     // the latest query's number: answers to older queries are dropped
  var shown = null;    // {m, results, tokens, count}
  var sentinel = document.createElement("li");
  sentinel.className = "digest-search__more";
  sentinel.setAttribute("aria-hidden", "true");

  function translate(key, n) {
    var text = translations[key] || "";
    return n === undefined ? text : text.replace("#", String(n));
  }

  function setMeta(text) {
    meta.textContent = text;
  }

  function matches(word, tokens) {
    var ws = words(word);
    return ws.some(function (w) {
      return tokens.some(function (t) {
        return (t.prefix ? w.lastIndexOf(t.text, 0) === 0 : w === t.text) || (t.words && t.words.has(w));
      });
    });
  }

  // Text with the query's words in <mark>, built as DOM nodes: titles and summaries are data.
  function highlighted(el, text, tokens) {
    var last = 0, match;
    RUNS.lastIndex = 0;
    while ((match = RUNS.exec(text))) {
      if (!matches(match[0], tokens)) continue;
      if (match.index > last) el.appendChild(document.createTextNode(text.slice(last, match.index)));
      var mark = document.createElement("mark");
      mark.textContent = match[0];
      el.appendChild(mark);
      last = match.index + match[0].length;
    }
    if (last < text.length) el.appendChild(document.createTextNode(text.slice(last)));
    return el;
  }

  function formatDate(iso) {
    if (!iso) return "";
    var d = new Date(iso + "T00:00:00Z");
    if (isNaN(d)) return iso;
    try {
      return d.toLocaleDateString(document.documentElement.lang || undefined,
        {day: "numeric", month: "long", year: "numeric", timeZone: "UTC"});
    } catch (e) {
      return iso;
    }
  }

  function renderItem(doc, tokens, query) {
    var url = new URL(doc.url, base);
    if (highlightTerms) url.searchParams.set("h", query.trim());
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = url.href;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset digest-search-result";
    var title = document.createElement("h1");
    highlighted(title, doc.title, tokens);
    var info = document.createElement("p");
    info.className = "digest-search-result__info";
    var kind = document.createElement("span");
    kind.className = "digest-search-result__kind digest-search-result__kind--" + doc.kind;
    kind.textContent = KINDS[doc.kind] || doc.kind;
    info.appendChild(kind);
    if (doc.date) {
      var time = document.createElement("time");
      time.dateTime = doc.date;
      time.textContent = formatDate(doc.date);
      info.appendChild(document.createTextNode(" · "));
      info.appendChild(time);
    }
    article.appendChild(title);
    article.appendChild(info);
    if (doc.summary) {
      var summary = document.createElement("p");
      highlighted(summary, doc.summary, tokens);
      article.appendChild(summary);
    }
    a.appendChild(article);
    li.appendChild(a);
    return li;
  }

  function showMore(number) {
    if (!shown || number !== current) return;
    var state = shown;
    var start = list.querySelectorAll(".md-search-result__item").length;
    var next = state.results.slice(start, start + PAGE);
    if (!next.length || state.loading) return;
    state.loading = true;
    withDocs(state.m, next).then(function (docs) {
      if (number !== current) return;
      if (sentinel.parentNode) sentinel.remove();
      docs.forEach(function (doc) { list.appendChild(renderItem(doc, state.tokens, state.query)); });
      state.loading = false;
      if (start + next.length < state.results.length) list.appendChild(sentinel);
    }, function (error) { state.loading = false; fail(error); });
  }

  function fail(error) {
    setMeta(root.getAttribute("data-digest-unavailable") || "Search is not available");
    if (window.console) console.warn("digest search:", error);
  }

  function run() {
    var number = ++current;
    var query = input.value;
    var tokens = parse(query);
    if (!tokens.length) {
      shown = null;
      list.textContent = "";
      setMeta(translate("search.result.placeholder"));
      return;
    }
    loadMeta().then(function (m) {
      return search(m, tokens).then(function (results) {
        if (number !== current) return;
        shown = {m: m, results: results, tokens: tokens, query: query, loading: false};
        list.textContent = "";
        setMeta(results.length === 0 ? translate("search.result.none")
          : results.length === 1 ? translate("search.result.one")
          : translate("search.result.other", results.length.toLocaleString(document.documentElement.lang || undefined)));
        showMore(number);
      });
    }).catch(function (error) { if (number === current) fail(error); });
  }

  // --- the box: what Material's own search component would do ---------------------

  function setOpen(open) {
    if (toggle.checked !== open) toggle.click();
  }

  function syncList() {
    // Results are in the accessibility tree (and reachable with Tab) only while search is open.
    list.hidden = !toggle.checked;
    list.setAttribute("role", toggle.checked ? "list" : "presentation");
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll(".md-search-result__link"));
  }

  root.setAttribute("data-digest-search", "ready");
  setMeta(translate("search.result.placeholder"));
  syncList();
  toggle.addEventListener("change", syncList);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  root.addEventListener("focusout", function (event) {
    // Tabbing out of the search dialog closes it, as in Material.
    if (toggle.checked && event.relatedTarget && !root.contains(event.relatedTarget)) setOpen(false);
  });
  form.addEventListener("reset", function () {
    setTimeout(function () { run(); input.focus(); }, 0);
  });
  input.addEventListener("input", run);
  input.addEventListener("focus", function () {
    setOpen(true);
    loadMeta().catch(function () {});  // while the reader types the first letters
  });
  document.querySelectorAll("label[for=__search]").forEach(function (label) {
    // Opening search from the header's icon focuses the box (and brings up a phone's keyboard).
    // The label's own action would toggle the box again after the focus handler opened it
    // (closing it at once on phones and tablets), so the click opens it here instead.
    // Closing (the back arrow in the open box) is done here too: the box loses focus first, so
    // that nothing refocusing it on a slow phone can open search again behind the reader's tap.
    label.addEventListener("click", function (event) {
      event.preventDefault();
      if (toggle.checked) {
        input.blur();
        setOpen(false);
        return;
      }
      setOpen(true);
      input.focus();
    });
  });

  root.addEventListener("keydown", function (event) {
    if (!toggle.checked || event.isComposing) return;
    var all = [input].concat(links());
    var at = all.indexOf(document.activeElement);
    switch (event.key) {
      case "Enter":
        if (document.activeElement === input) {
          event.preventDefault();
          if (all.length > 1) all[1].click();
        }
        break;
      case "Escape":
        event.preventDefault();
        setOpen(false);
        input.blur();
        break;
      case "ArrowDown":
      case "ArrowUp":
        event.preventDefault();
        var next = at < 0 ? 0 : (at + (event.key === "ArrowDown" ? 1 : -1) + all.length) % all.length;
        all[next].focus();
        break;
    }
  });

  // "/", "s" or "f" anywhere else opens search, as in Material.
  window.addEventListener("keydown", function (event) {
    if (event.metaKey || event.ctrlKey || event.altKey || toggle.checked) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    if (event.key === "/" || event.key === "s" || event.key === "f") {
      event.preventDefault();
      input.focus();
      input.select();
    }
  });

  if ("IntersectionObserver" in window) {
    new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) showMore(current);
    }, {root: scrollwrap}).observe(sentinel);
  }

  // A link to a search (?q=...) opens it, as Material's search does.
  var q = new URL(location.href).searchParams.get("q");
  if (q) {
    input.value = q;
    input.focus();
    run();
  }

  // For tests and for readers' own scripts.
  window.digestSearch = {fold: fold, words: words, run: run};
})();
