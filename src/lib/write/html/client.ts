/**
 * The preview page's script, as text put into the page (the project has no
 * DOM types; the browser tests run it: test/preview.test.ts).
 *
 * Cards are drawn lazily, a chunk at a time as the end of the list scrolls
 * into view, so a 10,000-card page opens at once; MathJax typesets each chunk
 * as it is drawn. Everything from the notes is put in with textContent, except
 * the card sides, which the render stage sanitized and which go in through an
 * inert <template>, so no media loads before its name is swapped for its
 * data: URL. `window.deckgenPreview.update(data)` redraws in place, keeping
 * the filters, the scroll position and the cards that did not change (the
 * live preview of `deckgen watch --serve`).
 *
 * Written without backquotes and dollar-brace: it lives in a template string.
 */
export const CLIENT_SCRIPT = String.raw`(function () {
  'use strict';
  var CHUNK = 40;
  var SEVERITIES = ['error', 'warning', 'info'];
  var byId = function (id) { return document.getElementById(id); };
  var ui = {
    cards: byId('dg-cards'), problems: byId('dg-problems'), search: byId('dg-search'), deck: byId('dg-deck'),
    problemsOnly: byId('dg-problems-only'), theme: byId('dg-theme'), count: byId('dg-count'), title: byId('dg-title'),
  };
  var data = JSON.parse(byId('deckgen-data').textContent);
  var filter = { words: [], deck: '', problemsOnly: false };
  var list = [];
  var drawn = 0;
  var lastDeck = null;
  var byKey = new Map();
  var night = false;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }

  function place(problem) {
    return problem.line === null ? problem.file : problem.file + ':' + problem.line + (problem.column ? ':' + problem.column : '');
  }

  function worst(card) {
    for (var i = 0; i < SEVERITIES.length; i++) {
      for (var j = 0; j < card.problems.length; j++) if (data.diagnostics[card.problems[j]].severity === SEVERITIES[i]) return SEVERITIES[i];
    }
    return null;
  }

  function inDeck(deck, chosen) { return !chosen || deck === chosen || deck.indexOf(chosen + '::') === 0; }

  function matches(card) {
    if (!inDeck(card.deck, filter.deck)) return false;
    if (filter.problemsOnly && card.problems.length === 0) return false;
    for (var i = 0; i < filter.words.length; i++) if (card.search.indexOf(filter.words[i]) < 0) return false;
    return true;
  }

  // Card HTML parsed in an inert template: media names become data: URLs before anything loads.
  function fragment(html) {
    var template = document.createElement('template');
    template.innerHTML = html;
    var withSource = template.content.querySelectorAll('[src]');
    for (var i = 0; i < withSource.length; i++) {
      var name = withSource[i].getAttribute('src');
      if (Object.prototype.hasOwnProperty.call(data.media, name)) withSource[i].setAttribute('src', data.media[name]);
    }
    var links = template.content.querySelectorAll('a[href^="http"]');
    for (var k = 0; k < links.length; k++) { links[k].target = '_blank'; links[k].rel = 'noopener noreferrer'; }
    return template.content;
  }

  // Anki's reviewer: the card on <body class="card cardN">, night mode adding nightMode and night_mode.
  function face(label, html, ord) {
    var box = el('section', 'dg-side');
    box.appendChild(el('div', 'dg-label', label));
    var scope = el('div', 'dg-face');
    var card = el('div', 'card card' + (ord + 1) + (night ? ' nightMode night_mode' : ''));
    card.appendChild(fragment(html));
    scope.appendChild(card);
    box.appendChild(scope);
    return box;
  }

  function problemItem(problem) {
    var item = el('li', 'dg-problem dg-' + problem.severity);
    item.appendChild(el('span', 'dg-severity', problem.severity));
    item.appendChild(el('span', 'dg-message', problem.message));
    item.appendChild(el('span', 'dg-rule', problem.rule));
    item.appendChild(el('span', 'dg-place', place(problem)));
    return item;
  }

  function cardElement(card) {
    var mark = worst(card);
    var article = el('article', 'dg-card' + (mark ? ' dg-has-' + mark : ''));
    article.dataset.guid = card.guid;
    article.dataset.ord = String(card.ord);
    var meta = el('div', 'dg-meta');
    meta.appendChild(el('span', 'dg-where', card.deck));
    meta.appendChild(el('span', 'dg-template', card.notetype + ' · ' + card.template));
    meta.appendChild(el('span', 'dg-source', card.file + ':' + card.line));
    for (var i = 0; i < card.tags.length; i++) meta.appendChild(el('span', 'dg-tag', card.tags[i]));
    if (mark) meta.appendChild(el('span', 'dg-badge dg-' + mark, plural(card.problems.length, 'problem')));
    if (card.empty) meta.appendChild(el('span', 'dg-badge dg-error', 'Anki shows this card as empty'));
    article.appendChild(meta);
    var sides = el('div', 'dg-sides');
    sides.appendChild(face('Front', card.question, card.ord));
    sides.appendChild(face('Back', card.answer, card.ord));
    article.appendChild(sides);
    if (card.problems.length) {
      var problems = el('ul', 'dg-card-problems');
      for (var j = 0; j < card.problems.length; j++) problems.appendChild(problemItem(data.diagnostics[card.problems[j]]));
      article.appendChild(problems);
    }
    return article;
  }

  // A card drawn before and unchanged (same sides, deck, tags, place and problems) is kept, MathJax output and all.
  function keyOf(card) {
    var problems = card.problems.map(function (index) {
      var problem = data.diagnostics[index];
      return [problem.severity, problem.rule, problem.message, problem.line, problem.column];
    });
    return JSON.stringify([card.guid, card.ord, card.deck, card.notetype, card.template, card.question, card.answer, card.tags, card.file, card.line, card.empty, problems]);
  }

  var typesetting = Promise.resolve();
  function typeset(nodes) {
    var mathJax = window.MathJax;
    if (!mathJax || !mathJax.startup || !nodes.length) return;
    typesetting = typesetting
      .then(function () { return mathJax.startup.promise; })
      .then(function () { return mathJax.typesetPromise(nodes); })
      .catch(function (error) { console.warn('MathJax: ' + error); });
  }
  function forget(nodes) {
    var mathJax = window.MathJax;
    if (mathJax && mathJax.typesetClear && nodes.length) typesetting = typesetting.then(function () { mathJax.typesetClear(nodes); });
  }

  function drawMore(count) {
    var fresh = [];
    var end = Math.min(list.length, drawn + count);
    for (; drawn < end; drawn++) {
      var card = data.cards[list[drawn]];
      if (card.deck !== lastDeck) {
        lastDeck = card.deck;
        var heading = el('h2', 'dg-deck-heading', card.deck);
        heading.appendChild(el('span', 'dg-deck-count', plural(deckCounts[card.deck], 'card')));
        ui.cards.insertBefore(heading, sentinel);
      }
      var key = keyOf(card);
      var element = byKey.get(key);
      if (element) byKey.delete(key);
      else {
        element = cardElement(card);
        element.dgKey = key;
        fresh.push(element);
      }
      element.id = 'dg-card-' + list[drawn];
      ui.cards.insertBefore(element, sentinel);
    }
    typeset(fresh);
    ui.count.textContent = 'Showing ' + Math.min(drawn, list.length) + ' of ' + plural(list.length, 'card') +
      (list.length === data.cards.length ? '' : ' (' + data.cards.length + ' in all)');
  }

  var deckCounts = {};
  var sentinel = el('div', 'dg-sentinel');

  // Draws the list again from the top, reusing the card elements still there, down to at least atLeast cards.
  function redraw(atLeast) {
    var old = ui.cards.querySelectorAll('.dg-card');
    byKey = new Map();
    for (var i = 0; i < old.length; i++) byKey.set(old[i].dgKey, old[i]);
    list = [];
    deckCounts = {};
    for (var c = 0; c < data.cards.length; c++) {
      if (!matches(data.cards[c])) continue;
      list.push(c);
      deckCounts[data.cards[c].deck] = (deckCounts[data.cards[c].deck] || 0) + 1;
    }
    ui.cards.textContent = '';
    ui.cards.appendChild(sentinel);
    drawn = 0;
    lastDeck = null;
    drawMore(Math.max(CHUNK, atLeast || 0));
    if (list.length === 0) ui.cards.insertBefore(el('p', 'dg-empty', data.cards.length ? 'No card matches.' : 'No cards.'), sentinel);
    forget(Array.from(byKey.values()));
    byKey = new Map();
    watchEnd();
  }

  var observer = 'IntersectionObserver' in window ? new IntersectionObserver(function (entries) {
    if (entries.some(function (entry) { return entry.isIntersecting; }) && drawn < list.length) {
      drawMore(CHUNK);
      watchEnd();
    }
  }, { rootMargin: '1200px 0px' }) : null;
  // Observing again reports the sentinel's state anew: a short chunk keeps drawing until the page is full.
  function watchEnd() {
    if (!observer) return drawMore(list.length);
    observer.unobserve(sentinel);
    if (drawn < list.length) observer.observe(sentinel);
  }

  function summary() {
    var counts = { error: 0, warning: 0, info: 0 };
    data.diagnostics.forEach(function (problem) { counts[problem.severity] += 1; });
    ui.problems.textContent = '';
    var line = el('p', 'dg-summary', plural(data.cards.length, 'card') + ' in ' + plural(data.decks.length, 'deck') + ' · ');
    SEVERITIES.forEach(function (severity, i) {
      var text = severity === 'info' ? counts.info + ' info' : plural(counts[severity], severity);
      line.appendChild(el('span', counts[severity] ? 'dg-' + severity : '', text));
      if (i < 2) line.appendChild(document.createTextNode(', '));
    });
    ui.problems.appendChild(line);
    // Errors always show here (the build failed on them); warnings and info beside their cards, or here when about none.
    var errors = data.diagnostics.filter(function (problem) { return problem.severity === 'error'; });
    var warnings = data.diagnostics.filter(function (problem) { return problem.severity === 'warning' && problem.cards.length === 0; });
    var info = data.diagnostics.filter(function (problem) { return problem.severity === 'info' && problem.cards.length === 0; });
    if (errors.length) ui.problems.appendChild(problemList(errors, 'dg-errors'));
    if (warnings.length) ui.problems.appendChild(problemList(warnings, 'dg-warnings'));
    if (info.length) {
      var details = el('details', 'dg-loose');
      details.appendChild(el('summary', '', info.length + ' info about no card'));
      details.appendChild(problemList(info, ''));
      ui.problems.appendChild(details);
    }
  }

  function problemList(problems, className) {
    var items = el('ul', 'dg-problem-list ' + className);
    problems.forEach(function (problem) {
      var item = problemItem(problem);
      if (problem.cards.length) {
        var link = el('a', 'dg-to-card', 'show card');
        link.href = '#dg-card-' + problem.cards[0];
        link.addEventListener('click', function (event) { event.preventDefault(); reveal(problem.cards[0]); });
        item.appendChild(link);
      }
      items.appendChild(item);
    });
    return items;
  }

  // Brings a card into view, clearing the filters when they hide it.
  function reveal(index) {
    if (list.indexOf(index) < 0) {
      ui.search.value = '';
      ui.deck.value = '';
      ui.problemsOnly.checked = false;
      readFilter();
      redraw(0);
    }
    var position = list.indexOf(index);
    if (position >= drawn) drawMore(position + 1 - drawn);
    var element = byId('dg-card-' + index);
    if (!element) return;
    element.scrollIntoView({ block: 'start' });
    element.classList.remove('dg-flash');
    void element.offsetWidth;
    element.classList.add('dg-flash');
  }

  function deckOptions() {
    var chosen = ui.deck.value;
    var names = new Set();
    data.decks.forEach(function (deck) {
      var parts = deck.split('::');
      for (var i = 1; i <= parts.length; i++) names.add(parts.slice(0, i).join('::'));
    });
    ui.deck.textContent = '';
    var all = el('option', '', 'All decks · ' + data.cards.length);
    all.value = '';
    ui.deck.appendChild(all);
    Array.from(names).sort().forEach(function (name) {
      var count = data.cards.filter(function (card) { return inDeck(card.deck, name); }).length;
      var option = el('option', '', name + ' · ' + count);
      option.value = name;
      ui.deck.appendChild(option);
    });
    ui.deck.value = names.has(chosen) ? chosen : '';
  }

  function readFilter() {
    filter.words = ui.search.value.toLowerCase().split(/\s+/).filter(Boolean);
    filter.deck = ui.deck.value;
    filter.problemsOnly = ui.problemsOnly.checked;
  }

  function setNight(on) {
    night = on;
    document.documentElement.classList.toggle('dg-night', on);
    ui.theme.textContent = on ? 'Light' : 'Night';
    ui.theme.setAttribute('aria-pressed', String(on));
    var cards = ui.cards.querySelectorAll('.card');
    for (var i = 0; i < cards.length; i++) {
      cards[i].classList.toggle('nightMode', on);
      cards[i].classList.toggle('night_mode', on);
    }
  }

  function storedTheme() {
    try { return localStorage.getItem('deckgen-preview-theme'); } catch (error) { return null; }
  }

  // The first card at least partly below the bar, and where it is on the screen.
  function topCard() {
    var below = ui.theme.getBoundingClientRect().bottom;
    var cards = ui.cards.querySelectorAll('article.dg-card');
    for (var i = 0; i < cards.length; i++) {
      var box = cards[i].getBoundingClientRect();
      if (box.bottom > below) return { guid: cards[i].dataset.guid, ord: cards[i].dataset.ord, top: box.top };
    }
    return null;
  }

  // Redraws with new data, keeping the filters and the card at the top of the screen where it was.
  function show(next) {
    var anchor = topCard();
    var scroll = window.scrollY;
    data = next;
    document.title = data.title + ' — deckgen preview';
    ui.title.textContent = data.title;
    summary();
    deckOptions();
    readFilter();
    redraw(drawn);
    var cards = ui.cards.querySelectorAll('article.dg-card');
    for (var i = 0; anchor && i < cards.length; i++) {
      if (cards[i].dataset.guid === anchor.guid && cards[i].dataset.ord === anchor.ord) {
        window.scrollBy(0, cards[i].getBoundingClientRect().top - anchor.top);
        return;
      }
    }
    window.scrollTo(0, scroll);
  }

  // Served by deckgen watch --serve: a server-sent event after each build; the page fetches itself again.
  function goLive(meta) {
    var held = Number(meta.content);
    var updating = Promise.resolve();
    var status = el('span', 'dg-live', 'live');
    ui.count.parentNode.insertBefore(status, ui.count);
    var failure = el('section', 'dg-failure');
    ui.problems.parentNode.insertBefore(failure, ui.problems);
    var source = new EventSource('/events');
    source.addEventListener('open', function () { status.textContent = 'live'; status.className = 'dg-live'; });
    source.addEventListener('error', function () { status.textContent = 'not watching'; status.className = 'dg-live dg-off'; });
    source.addEventListener('build', function (message) {
      var build = JSON.parse(message.data);
      failure.textContent = '';
      if (build.failure.length) {
        failure.appendChild(el('p', 'dg-summary dg-error', 'The last build could not run; the cards below are from the build before it.'));
        failure.appendChild(problemList(build.failure.map(function (problem) { return Object.assign({ cards: [] }, problem); }), 'dg-errors'));
      }
      if (build.number <= held || build.exitCode === 2) return;
      held = build.number;
      updating = updating
        .then(function () { return fetch('/', { cache: 'no-store' }); })
        .then(function (response) { return response.text(); })
        .then(function (html) {
          var page = new DOMParser().parseFromString(html, 'text/html');
          show(JSON.parse(page.getElementById('deckgen-data').textContent));
        })
        .catch(function (error) { console.warn('deckgen preview: ' + error); });
    });
  }

  var liveMeta = document.querySelector('meta[name="deckgen-live"]');
  if (liveMeta && window.EventSource) goLive(liveMeta);

  var pending = 0;
  ui.search.addEventListener('input', function () {
    clearTimeout(pending);
    pending = setTimeout(function () { readFilter(); redraw(0); }, 120);
  });
  ui.deck.addEventListener('change', function () { readFilter(); redraw(0); });
  ui.problemsOnly.addEventListener('change', function () { readFilter(); redraw(0); });
  ui.theme.addEventListener('click', function () {
    setNight(!night);
    try { localStorage.setItem('deckgen-preview-theme', night ? 'night' : 'light'); } catch (error) { /* a file:// page may have no storage */ }
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === '/' && document.activeElement !== ui.search) { event.preventDefault(); ui.search.focus(); }
  });

  var theme = storedTheme();
  setNight(theme ? theme === 'night' : window.matchMedia('(prefers-color-scheme: dark)').matches);
  show(data);
  // Resolves once every card drawn so far is typeset (for tests and scripts driving the page).
  function settled() {
    var current = typesetting;
    return current.then(function () { return current === typesetting ? undefined : settled(); });
  }
  window.deckgenPreview = { update: show, settled: settled, shown: function () { return { drawn: drawn, matching: list.length, cards: data.cards.length, query: filter.words.join(' ') }; } };
})();
`;
