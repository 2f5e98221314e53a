/* Policy Atlas: clause-level search, the clause finder and copy-link buttons.
 *
 * The index is JavaScript files under search/ loaded with <script src> on demand (see
 * core/search.py), so everything here works from a web server and from file:// alike.
 * No library, no request outside the site.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var ROOT = new URL("../../", script.src); /* this file is assets/policy-atlas/search.js */
  var loaded = {};
  var waiting = {};
  var requested = {};

  /* An address of the site from its root. From file:// (the offline copy) a folder's address
     shows a listing, not its index.html, so there it names the file, as the copy's links do. */
  function address(url) {
    var found = new URL(url, ROOT);
    if (found.protocol === "file:" && /\/$/.test(found.pathname)) found.pathname += "index.html";
    return found.href;
  }

  function load(name, data) {
    loaded[name] = data;
    if (waiting[name]) { waiting[name].forEach(function (done) { done(data); }); delete waiting[name]; }
  }

  function need(name) {
    if (loaded[name] !== undefined) return Promise.resolve(loaded[name]);
    if (!requested[name]) {
      requested[name] = new Promise(function (resolve, reject) {
        (waiting[name] = waiting[name] || []).push(resolve);
        var tag = document.createElement("script");
        tag.src = new URL("search/" + name + ".js", ROOT).href;
        tag.async = true;
        tag.onerror = function () { delete requested[name]; reject(new Error("could not load the search index (" + name + ")")); };
        document.head.appendChild(tag);
      });
    }
    return requested[name];
  }

  /* Words: the same rules as core/search.py (a browser test compares them on every indexed word). */
  var STOP = {};
  ("a an the and or nor but of to in on at by for with from as into than that which who whom " +
   "whose their its our your his her this these those is are was were be been being it if so " +
   "also any all each such there they them he she we you i not no do does").split(" ").forEach(function (w) { STOP[w] = true; });

  function endsWith(word, list) {
    for (var i = 0; i < list.length; i++) if (word.slice(-list[i].length) === list[i]) return true;
    return false;
  }

  function stem(word) {
    if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
    if (endsWith(word, ["ies"]) && word.length > 4) word = word.slice(0, -3) + "y";
    else if (endsWith(word, ["sses"])) word = word.slice(0, -2);
    else if (endsWith(word, ["ches", "shes", "xes", "zes"])) word = word.slice(0, -2);
    else if (endsWith(word, ["s"]) && !endsWith(word, ["ss", "us", "is"])) word = word.slice(0, -1);
    var suffixes = [["ing", 3], ["ed", 3]];
    for (var i = 0; i < suffixes.length; i++) {
      var suffix = suffixes[i][0];
      if (endsWith(word, [suffix]) && word.length - suffix.length >= suffixes[i][1]) {
        word = word.slice(0, -suffix.length);
        var last = word.charAt(word.length - 1);
        if (word.length > 2 && last === word.charAt(word.length - 2) && "lsz".indexOf(last) < 0) word = word.slice(0, -1);
        break;
      }
    }
    if (word.charAt(word.length - 1) === "e" && word.length > 3) word = word.slice(0, -1);
    return word;
  }

  function terms(text) {
    var plain = String(text || "").toLowerCase().replace(/['\u2019]s\b|['\u2019]/g, "");
    return (plain.match(/[a-z0-9]+/g) || []).filter(function (w) { return !STOP[w]; }).map(stem);
  }

  /* A clause weighing less than this share of the best clause that meets as many words is a weak match. */
  var WEAK = 0.5;

  /* Words a query also looks for, at a lower weight: the few ways policies name the same thing. */
  var SYNONYMS = {};
  [["pupil", "student", "child", "children", "learner"], ["ex", "former", "past", "prior"],
   ["photograph", "photo", "image", "picture", "video"], ["consent", "permission", "agree"],
   ["phone", "mobile", "device"], ["friend", "follow"], ["disciplinary", "discipline", "misconduct"],
   ["parent", "carer", "family"], ["staff", "employee", "colleague"], ["head", "headteacher", "principal"]]
    .forEach(function (words) {
      var group = words.map(stem);
      group.forEach(function (w) { SYNONYMS[w] = group.filter(function (o) { return o !== w; }); });
    });

  function hash(term) {
    var value = 0x811c9dc5;
    for (var ch of term) value = Math.imul(value ^ ch.codePointAt(0), 0x01000193) >>> 0;
    return value;
  }

  /* A posting list as a flat array [record, weight, record, weight, ...]; decoded once per term. */
  function postings(encoded) {
    var out = [], number = -1, gap = 0;
    for (var i = 0; i < (encoded || "").length; i++) {
      var c = encoded.charCodeAt(i);
      if (c >= 65 && c <= 90) { number += gap; out.push(number, c - 64); gap = 0; }
      else gap = gap * 36 + (c <= 57 ? c - 48 : c - 87);
    }
    return out;
  }

  var decoded = {};
  function lookup(meta, term) {
    if (decoded[term]) return Promise.resolve(decoded[term]);
    return need("shard-" + (hash(term) % meta.shards)).then(function (shard) { return (decoded[term] = postings(shard[term])); });
  }

  /* Record numbers matching a query, best first. Records of a school are numbered together, in
     document order; the other pages' records come after every school's. */
  function find(query) {
    return need("meta").then(function (meta) {
      var words = Array.from(new Set(terms(query.text)));
      var groups = words.map(function (w) { return [w].concat((SYNONYMS[w] || []).filter(function (s) { return words.indexOf(s) < 0; })); });
      var flat = [].concat.apply([], groups);
      var facets = [];
      if (query.topic) facets.push("topic:" + query.topic);
      if (query.force) facets.push("force:" + query.force);
      var lists = flat.concat(facets).map(function (t) { return lookup(meta, t); });
      return Promise.all(lists).then(function (found) {
        var range = [0, query.clausesOnly || facets.length || query.school ? meta.clauses : meta.records];
        if (query.school) {
          var k = meta.schools.indexOf(query.school);
          if (k < 0) return {meta: meta, ids: [], words: words};
          range = [meta.starts[k], k + 1 < meta.starts.length ? meta.starts[k + 1] : meta.clauses];
        }
        var allowed = null;
        found.slice(flat.length).forEach(function (list) {
          var set = new Set();
          for (var i = 0; i < list.length; i += 2) if (!allowed || allowed.has(list[i])) set.add(list[i]);
          allowed = set;
        });
        var ok = function (n) { return n >= range[0] && n < range[1] && (!allowed || allowed.has(n)); };
        if (!words.length) {
          var ids = [];
          if (allowed) ids = Array.from(allowed).filter(ok).sort(function (a, b) { return a - b; });
          else for (var n = range[0]; n < range[1]; n++) ids.push(n);
          return {meta: meta, ids: ids, words: words};
        }
        /* Per word, a record's weight is the word's own, or a synonym's at 80%; the words met count
           first. Typed arrays by record number: a common word lists most of the records. */
        var score = new Float32Array(meta.records), hits = new Uint8Array(meta.records);
        var best = new Float32Array(meta.records), touched = [], at = 0;
        groups.forEach(function (group) {
          var seen = [];
          group.forEach(function (term, g) {
            var list = found[at + g], factor = g === 0 ? 1 : 0.8;
            for (var i = 0; i < list.length; i += 2) {
              var n = list[i];
              if (!ok(n)) continue;
              var w = factor * list[i + 1];
              if (best[n] === 0) seen.push(n);
              if (w > best[n]) best[n] = w;
            }
          });
          at += group.length;
          seen.forEach(function (n) {
            if (hits[n] === 0) touched.push(n);
            score[n] += best[n];
            hits[n] += 1;
            best[n] = 0;
          });
        });
        var ranked = touched.sort(function (a, b) {
          return (hits[b] - hits[a]) || (score[b] - score[a]) || (a - b);
        });
        /* Then, among records that meet as many words, each school's best clause first, then each
           one's second best, and so on (the Compare pages after the schools): a question has an
           answer in each school's policy. A clause that weighs less than WEAK of the best clause
           meeting as many words is no answer to put first: it waits until the good matches of
           every school are listed. */
        var turn = new Uint32Array(meta.records), weak = new Uint8Array(meta.records);
        var count = new Map(), lastHits = -1, bar = -1;
        ranked.forEach(function (n) {
          if (hits[n] !== lastHits) { count.clear(); lastHits = hits[n]; bar = -1; }
          if (n < meta.clauses) {
            if (bar < 0) bar = score[n] * WEAK;
            weak[n] = score[n] < bar ? 1 : 0;
          }
          var school = schoolOf(meta, n) + (weak[n] ? "~weak" : "");
          var k = count.get(school) || 0;
          count.set(school, k + 1);
          turn[n] = k;
        });
        ranked.sort(function (a, b) {
          return (hits[b] - hits[a]) || ((b < meta.clauses) - (a < meta.clauses)) || (weak[a] - weak[b]) ||
            (turn[a] - turn[b]) || (score[b] - score[a]) || (a - b);
        });
        words = flat;
        return {meta: meta, ids: ranked, words: words};
      });
    });
  }

  function chunkOf(meta, n) {
    if (n >= meta.clauses) return ["records-pages", n - meta.clauses];
    return ["records-" + Math.floor(n / meta.block), n % meta.block];
  }

  /* The school a record belongs to (its index in meta.schools), or -1 for the other pages. */
  function schoolOf(meta, n) {
    if (n >= meta.clauses) return -1;
    var lo = 0, hi = meta.starts.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (meta.starts[mid] <= n) lo = mid; else hi = mid - 1; }
    return lo;
  }

  function records(meta, numbers) {
    var where = numbers.map(function (n) { return chunkOf(meta, n); });
    var names = Array.from(new Set(where.map(function (w) { return w[0]; })));
    return Promise.all(names.map(need)).then(function () {
      return where.map(function (w, i) {
        var row = loaded[w[0]][w[1]];
        return {number: numbers[i], kind: row[0], url: address(row[1]), title: row[2], heading: row[3], text: row[4], topics: row[5], forces: row[6]};
      });
    });
  }

  /* Rendering: text only through textContent, marks around the words searched for. */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { if (attrs[k] !== null && attrs[k] !== undefined) node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { if (c !== null) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return node;
  }

  function marked(text, words, limit) {
    var parts = text.split(/([A-Za-z0-9]+(?:['\u2019][A-Za-z]+)*)/);
    var first = -1;
    for (var i = 0; i < parts.length && words.length; i++) {
      if (i % 2 === 1 && words.indexOf(terms(parts[i])[0]) >= 0) { first = i; break; }
    }
    var start = 0, prefix = "";
    if (limit && first > 20) { start = first - 16; prefix = "… "; }
    var out = el("span", {}, [prefix]);
    var length = 0;
    for (var j = start; j < parts.length; j++) {
      if (limit && length > limit) { out.appendChild(document.createTextNode(" …")); break; }
      var word = j % 2 === 1 && words.length && words.indexOf(terms(parts[j])[0]) >= 0;
      out.appendChild(word ? el("mark", {}, [parts[j]]) : document.createTextNode(parts[j]));
      length += parts[j].length;
    }
    return out;
  }

  function facets(meta, item) {
    var labels = {};
    meta.topics.forEach(function (t) { labels[t[0]] = t[1]; });
    var out = el("span", {"class": "pa-result__facets"}, []);
    meta.forces.forEach(function (force) {
      if (item.forces.indexOf(force[0]) < 0) return;
      out.appendChild(el("span", {"class": "pa-force pa-force--" + force[0]}, [el("span", {"aria-hidden": "true"}, [force[2]]), " " + force[1]]));
    });
    item.topics.forEach(function (t) { out.appendChild(el("span", {"class": "pa-result__topic"}, [labels[t] || t])); });
    return out;
  }

  function result(meta, item, words) {
    var link = el("a", {"class": "pa-result__link", href: item.url}, [el("span", {"class": "pa-result__title"}, [item.title])]);
    return el("li", {"class": "pa-result pa-result--" + item.kind}, [
      link,
      item.heading ? el("span", {"class": "pa-result__heading"}, [item.heading]) : null,
      el("span", {"class": "pa-result__text"}, [marked(item.text, words, 220)]),
      facets(meta, item),
    ]);
  }

  /* A list of results that shows PAGE at a time, with a "Show more" button. */
  function Results(list, status, more, describe) {
    var state = {ids: [], shown: 0, words: [], meta: null, run: 0};
    var PAGE = 10;
    function page(first) {
      var numbers = state.ids.slice(state.shown, state.shown + PAGE);
      var run = state.run;
      return records(state.meta, numbers).then(function (items) {
        if (run !== state.run) return;
        var before = list.children.length;
        items.forEach(function (item) { list.appendChild(result(state.meta, item, state.words)); });
        state.shown += items.length;
        more.hidden = state.shown >= state.ids.length;
        if (!first && list.children[before]) list.children[before].querySelector("a").focus();
      });
    }
    more.addEventListener("click", function () { page(false); });
    return {
      show: function (found, query) {
        state = {ids: found.ids, shown: 0, words: found.words, meta: found.meta, run: state.run + 1};
        var run = state.run;
        list.textContent = "";
        more.hidden = true;
        return page(true).then(function () {
          if (run === state.run) status.textContent = describe(found.ids.length, query); /* said once the results are there */
        });
      },
      clear: function (message) {
        state.run += 1;
        list.textContent = "";
        more.hidden = true;
        status.textContent = message;
      },
    };
  }

  function count(n, what) { return n + " " + what + (n === 1 ? "" : "s"); }

  function debounce(fn, ms) {
    var timer = null;
    return function () { clearTimeout(timer); timer = setTimeout(fn, ms); };
  }

  /* The search dialog, opened from a button in the header or with "/". */
  function searchDialog() {
    var header = document.querySelector(".md-header__inner");
    if (!header) return;
    var finder = address(document.body.getAttribute("data-pa-finder") || "find/");
    var open = el("button", {type: "button", "class": "md-header__button md-icon pa-search-open", "aria-haspopup": "dialog",
      "aria-controls": "pa-search", "aria-keyshortcuts": "/"}, []);
    open.innerHTML = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg>';
    open.appendChild(el("span", {"class": "pa-search-open__label"}, ["Search"]));
    var source = header.querySelector(".md-header__source");
    header.insertBefore(open, source);

    var input = el("input", {type: "search", id: "pa-search-input", "class": "pa-search__input", autocomplete: "off",
      spellcheck: "false", "aria-describedby": "pa-search-hint"}, []);
    var status = el("p", {"class": "pa-search__status", role: "status", "aria-live": "polite", "aria-atomic": "true"}, []);
    var list = el("ol", {"class": "pa-results", "aria-label": "Search results"}, []);
    var more = el("button", {type: "button", "class": "md-button pa-more", hidden: ""}, ["Show more results"]);
    var close = el("button", {type: "button", "class": "md-button pa-search__close"}, ["Close"]);
    var toFinder = el("a", {"class": "pa-search__finder", href: finder}, ["Filter clauses by topic, school and force"]);
    var dialog = el("dialog", {id: "pa-search", "class": "pa-search", "aria-labelledby": "pa-search-title"}, [
      el("div", {"class": "pa-search__bar"}, [
        el("h2", {id: "pa-search-title", "class": "pa-search__title"}, ["Search every clause"]),
        close,
      ]),
      el("form", {role: "search", "class": "pa-search__form", "aria-label": "Search clauses"}, [
        el("label", {"for": "pa-search-input", "class": "pa-search__label"}, ["Words to find"]),
        input,
        el("p", {id: "pa-search-hint", "class": "pa-search__hint"}, ["For example: friend request, photographs consent. Results update as you type; each opens the clause itself."]),
      ]),
      status, list, more, el("p", {}, [toFinder]),
    ]);
    document.body.appendChild(dialog);
    var results = Results(list, status, more, function (n, q) {
      return n ? count(n, "result") + " for “" + q + "”" : "No clause matches “" + q + "”";
    });
    var run = debounce(function () {
      var text = input.value.trim();
      var url = new URL(finder);
      if (text) url.searchParams.set("q", text);
      toFinder.href = url.href;
      if (!terms(text).length) { results.clear(text ? "Type a word that is not as common as “" + text + "”" : ""); return; }
      find({text: text}).then(function (found) { return results.show(found, text); })
        .catch(function (error) { results.clear(String(error.message)); });
    }, 120);
    input.addEventListener("input", run);
    dialog.querySelector("form").addEventListener("submit", function (event) { event.preventDefault(); run(); });
    open.addEventListener("click", function () {
      dialog.showModal();
      input.focus();
      input.select();
      need("meta").then(function (meta) { /* while the words are typed; meta says where the finder is */
        if (meta.finder) { finder = address(meta.finder); run(); }
      }).catch(function () {});
    });
    close.addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("close", function () { open.focus(); });
    list.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a");
      if (link && new URL(link.href).pathname === location.pathname) dialog.close();
    });
    document.addEventListener("keydown", function (event) {
      var t = event.target;
      var typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
      if (event.key === "/" && !typing && !dialog.open && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        open.click();
      }
    }, true);
  }

  /* The clause finder page: filters kept in the address, so a filtered list can be shared. */
  function finderPage() {
    var form = document.querySelector("form.pa-finder");
    if (!form) return;
    var status = document.querySelector(".pa-finder__status");
    var list = document.querySelector(".pa-finder__results");
    var more = document.querySelector(".pa-finder__more");
    var fields = ["q", "topic", "school", "force"];
    var results = Results(list, status, more, function (n) { return n ? count(n, "clause") + " found" : "No clause matches these filters"; });

    function read() {
      var params = new URLSearchParams(location.search || location.hash.replace(/^#/, ""));
      fields.forEach(function (name) { if (params.has(name)) form.elements[name].value = params.get(name); });
    }
    function write() {
      var params = new URLSearchParams();
      fields.forEach(function (name) { if (form.elements[name].value) params.set(name, form.elements[name].value); });
      var search = params.toString();
      try { history.replaceState(null, "", location.pathname + (search ? "?" + search : "")); }
      catch (error) { history.replaceState(null, "", "#" + search); } /* file:// refuses a changed query */
    }
    function run() {
      write();
      var query = {text: form.elements.q.value.trim(), topic: form.elements.topic.value, school: form.elements.school.value,
                   force: form.elements.force.value, clausesOnly: true};
      status.textContent = "Finding clauses…";
      return find(query).then(function (found) { return results.show(found, query.text); })
        .catch(function (error) { results.clear(String(error.message)); });
    }
    form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
    form.addEventListener("change", run);
    form.elements.q.addEventListener("input", debounce(run, 200));
    form.addEventListener("reset", function () { setTimeout(run, 0); });
    read();
    run();
  }

  /* Copy-link buttons on clauses: the clause's address to the clipboard, and "Link copied" said.
     A page carries only each clause's permalink, named "Link to clause 8.3, <school>"; the button
     beside it is made here, named the same way ("Copy link to ..."), so a page without script
     has no button that could not work, and no clause repeats the button's markup. */
  function copyButtons() {
    var live = el("div", {"class": "pa-sr", role: "status", "aria-live": "polite"}, []);
    document.body.appendChild(live);
    document.querySelectorAll(".pa-clause__permalink").forEach(function (link) {
      var name = (link.getAttribute("aria-label") || "").replace(/^Link to /, "");
      link.title = "Link to this clause";
      link.after(el("button", {type: "button", "class": "pa-clause__copy", "data-href": link.getAttribute("href"),
        "aria-label": "Copy link to " + name, title: "Copy the link to this clause"}, []));
    });
    document.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest(".pa-clause__copy");
      if (!button) return;
      var url = new URL(button.getAttribute("data-href"), location.href).href;
      var done = function () {
        live.textContent = "";
        setTimeout(function () { live.textContent = "Link copied"; }, 50);
        button.classList.add("pa-clause__copy--done");
        setTimeout(function () { button.classList.remove("pa-clause__copy--done"); }, 2000);
      };
      var fallback = function () {
        var area = el("textarea", {"class": "pa-sr", "aria-hidden": "true"}, [url]);
        document.body.appendChild(area);
        area.select();
        try { document.execCommand("copy"); } finally { area.remove(); button.focus(); }
        done();
      };
      if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(url).then(done, fallback);
      else fallback();
    });
  }

  /* Material's menu button is a <label>, which a keyboard cannot reach: a real button stands in
     for it, and Escape closes the menu. */
  function menuButton() {
    var drawer = document.getElementById("__drawer");
    var label = document.querySelector('label.md-header__button[for="__drawer"]');
    if (!drawer || !label) return;
    var button = el("button", {type: "button", "class": "md-header__button md-icon pa-menu-button", "aria-label": "Menu",
      "aria-expanded": "false", "aria-controls": "__drawer"}, []);
    button.innerHTML = label.innerHTML;
    label.parentNode.insertBefore(button, label);
    label.classList.add("pa-replaced");
    var set = function (open) {
      drawer.checked = open;
      drawer.dispatchEvent(new Event("change"));
      button.setAttribute("aria-expanded", String(open));
    };
    button.addEventListener("click", function () {
      set(!drawer.checked);
      if (drawer.checked) {
        var first = document.querySelector(".md-sidebar--primary a[href], .md-sidebar--primary label[tabindex]");
        if (first) first.focus();
      }
    });
    drawer.addEventListener("change", function () { button.setAttribute("aria-expanded", String(drawer.checked)); });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) { set(false); button.focus(); }
    });
  }

  window.PolicyAtlasSearch = {load: load, need: need, find: find, records: records, terms: terms, stem: stem, hash: hash};
  function start() { menuButton(); searchDialog(); finderPage(); copyButtons(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
