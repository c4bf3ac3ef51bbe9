// The query page: YASGUI against this app's endpoint, the example gallery,
// result downloads, "show as graph", share links and links from IRIs to entity pages.
(function () {
  "use strict";
  const cfg = JSON.parse(document.getElementById("query-config").textContent);

  // Only completers that work offline: LOV-backed class/property completion would call the internet.
  Yasgui.Yasqe.defaults.autocompleters = ["prefixes", "variables"];
  // Completion of the ontology's terms after ok: (from the page) and of entity names in either
  // language (from /search.json: typing 成都 offers <…/region/510100> 成都市); each hint shows its label.
  const shown = new Map();
  function hint(text, display) {
    shown.set(text, display);
    return text;
  }
  function nameBeforeCursor(yasqe) {
    const cursor = yasqe.getDoc().getCursor();
    const found = yasqe.getDoc().getLine(cursor.line).slice(0, cursor.ch).match(/[\u3400-\u9fff]+$/);
    return found ? found[0] : null;
  }
  Yasgui.Yasqe.registerAutocompleter({
    name: "orgkgTerms",
    bulk: false,
    autoShow: true,
    isValidCompletionPosition: (yasqe) => /^ok:/.test(yasqe.getCompleteToken().string),
    get: (yasqe, token) => cfg.vocabulary.filter((term) => term.text.toLowerCase().startsWith(token.string.toLowerCase()))
      .map((term) => hint(term.text, `${term.text}  ${term.label}`)),
    postprocessHints: (yasqe, hints) => hints.map((h) => Object.assign(h, { displayText: shown.get(h.text) || h.text })),
  });
  Yasgui.Yasqe.registerAutocompleter({
    name: "orgkgNames",
    bulk: false,
    autoShow: true,
    isValidCompletionPosition: (yasqe) => nameBeforeCursor(yasqe) !== null,
    // the editor's tokens split Chinese text character by character: take the whole run before the cursor
    preProcessToken: (yasqe, token) => {
      const cursor = yasqe.getDoc().getCursor();
      const name = nameBeforeCursor(yasqe);
      return Object.assign(token, { string: name, from: { line: cursor.line, ch: cursor.ch - name.length },
                                    to: { line: cursor.line, ch: cursor.ch } });
    },
    get: (yasqe, token) => fetch(`${cfg.search}?q=${encodeURIComponent(token.string)}`)
      .then((response) => response.json())
      .then((found) => found.map((s) => hint(`<${s.iri}>`, `${s.label} · ${s.kind}${s.context ? " · " + s.context : ""}`))),
    postprocessHints: (yasqe, hints) => hints.map((h) => Object.assign(h, { displayText: shown.get(h.text) || h.text })),
  });
  Yasgui.Yasqe.defaults.collapsePrefixesOnLoad = true;
  Yasgui.Yasqe.defaults.value = cfg.defaultQuery;

  // The endpoint answers errors as JSON ({error, name, message}); show them as a heading and the message.
  Yasgui.Yasr.defaults.errorRenderers = [async function (error) {
    let body;
    try { body = JSON.parse(error.text); } catch (_) { return undefined; }
    if (!body || !body.message) return undefined;
    const box = document.createElement("div");
    box.className = "query-error";
    const title = document.createElement("strong");
    title.textContent = `${body.error} · ${body.name}`;
    const message = document.createElement("pre");
    message.textContent = body.message;
    box.append(title, message);
    return box;
  }];

  // YASGUI writes its own controls in English; on a Chinese page each text, title, aria-label and
  // placeholder it renders is replaced from cfg.yasguiTexts ({name} in a key matches any text), except
  // in the editor and the result cells, which are the user's query and the graph's data.
  const texts = Object.entries(cfg.yasguiTexts).map(function ([english, local]) {
    const names = [];
    const pattern = english.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{(\w+)\}/g, function (_, name) {
      names.push(name);
      return "(.+?)";
    });
    return { re: new RegExp(`^${pattern}$`), names: names, local: local };
  });
  function translated(text) {
    const trimmed = text.trim();
    for (const { re, names, local } of texts) {
      const found = trimmed && trimmed.match(re);
      if (found) return text.replace(trimmed, names.reduce((out, name, i) => out.replace(`{${name}}`, found[i + 1]), local));
    }
    return null;
  }
  const DATA = ".CodeMirror-scroll, .CodeMirror-measure, tbody";
  function translate(root) {
    if (root.nodeType === Node.TEXT_NODE) {
      const local = !root.parentElement || root.parentElement.closest(DATA) ? null : translated(root.textContent);
      if (local !== null) root.textContent = local;
      return;
    }
    if (root.nodeType !== Node.ELEMENT_NODE || root.closest(DATA)) return;
    [root, ...root.querySelectorAll("[title], [aria-label], [placeholder]")].forEach(function (el) {
      ["title", "aria-label", "placeholder"].forEach(function (name) {
        const local = el.hasAttribute(name) && !el.closest(DATA) ? translated(el.getAttribute(name)) : null;
        if (local !== null) el.setAttribute(name, local);
      });
    });
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) translate(node);
  }
  const yasguiRoot = document.getElementById("yasgui");
  if (texts.length) {
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        if (change.type === "childList") change.addedNodes.forEach(translate);
        else translate(change.target);
      });
    }).observe(yasguiRoot, { subtree: true, childList: true, characterData: true, attributes: true,
                             attributeFilter: ["title", "aria-label", "placeholder"] });
  }

  // Stored tabs are keyed by this server and graph version, and kept one day, so an old
  // endpoint or query never comes back from localStorage.
  const yasgui = new Yasgui(yasguiRoot, {
    requestConfig: {
      endpoint: cfg.endpoint,
      method: "POST",
      acceptHeaderGraph: "text/turtle,*/*;q=0.9",
      acceptHeaderSelect: "application/sparql-results+json,*/*;q=0.9",
    },
    copyEndpointOnNewTab: false,
    endpointCatalogueOptions: { getData: () => [{ endpoint: cfg.endpoint }] },
    persistenceId: cfg.storageKey + "@" + window.location.host,
    persistencyExpire: 24 * 60 * 60,
    populateFromUrl: false,
    // Resource IRIs show as region:430200, programme:… in the results table.
    yasr: { prefixes: Object.assign(Object.fromEntries(cfg.resourceKinds.map((k) => [k, cfg.resourceBase + k + "/"])), cfg.prefixes) },
  });

  function shareLink(query) {
    return `${window.location.origin}${window.location.pathname}?query=${encodeURIComponent(query)}`;
  }

  // YASGUI's share button gives this page's own link (?query=…), which opens the query in the
  // editor to run on a click; its default (#query=…) is not read here, so it would be a dead link.
  Object.getPrototypeOf(yasgui.getTab()).getShareableLink = function () { return shareLink(this.getQuery()); };

  // Opens a query in its own tab and runs it (unless told not to); a tab already holding the same
  // query is reused, so reloading a shared link or clicking an example twice adds no tab.
  function openQuery(name, query, run = true) {
    let tab = Object.values(yasgui._tabs).find((t) => t.getPersistedJson().yasqe.value === query);
    if (tab) {
      yasgui.selectTabId(tab.getId());
    } else {
      tab = yasgui.addTab(true, { name: name });
      tab.setQuery(query);
    }
    tab.setEndpoint(cfg.endpoint);
    return run ? tab.query() : tab;
  }

  document.querySelectorAll("button.example").forEach(function (button) {
    button.addEventListener("click", function () {
      const example = cfg.examples[Number(button.dataset.example)];
      openQuery(example.title, example.query);
    });
  });

  document.getElementById("reset-editor").addEventListener("click", function (event) {
    event.preventDefault();
    window.localStorage.clear();  // this origin stores nothing but the editor's tabs
    window.location.assign(window.location.pathname);
  });

  // After each answer: the truncation notice, downloads in every format, graph view, share link.
  const watched = new WeakSet();
  yasgui.on("query", function (_yasgui, tab) {
    const yasqe = tab.getYasqe();
    if (watched.has(yasqe)) return;
    watched.add(yasqe);
    yasqe.on("queryResponse", function (_yasqe, response) {
      if (tab !== yasgui.getTab()) return;
      if (response && response.ok) showTools(yasqe.getValue(), yasqe.getQueryType(), response.headers);
      else hideTools();
    });
  });
  yasgui.on("tabSelect", hideTools);

  function hideTools() {
    document.getElementById("result-tools").hidden = true;
  }

  function showTools(query, queryType, headers) {
    const encoded = encodeURIComponent(query);
    const graphForm = queryType === "CONSTRUCT" || queryType === "DESCRIBE";
    const links = document.getElementById("download-links");
    links.replaceChildren();
    (graphForm ? cfg.formats.graph : cfg.formats.select).forEach(function (name) {
      const a = document.createElement("a");
      a.href = `${cfg.endpoint}?query=${encoded}&format=${name}&download=1`;
      a.textContent = name.toUpperCase();
      a.className = "download";
      links.append(a, " ");
    });
    document.getElementById("graph-link").href = `${cfg.graphView}?query=${encoded}`;
    window.history.replaceState(null, "", shareLink(query));  // the address bar is a share link too
    const notice = document.getElementById("truncation");
    const truncated = headers.get("Orgkg-Truncated") === "true";
    notice.hidden = !truncated;
    if (truncated && headers.get("Orgkg-Truncated-By") === "bytes") {
      const megabytes = Math.round(Number(headers.get("Orgkg-Byte-Limit")) / 1048576);
      notice.textContent = notice.dataset.templateBytes.replace("{n}", megabytes);
    } else if (truncated) {
      notice.textContent = notice.dataset.template.replace("{n}", headers.get("Orgkg-Row-Limit"));
    }
    document.getElementById("result-tools").hidden = false;
  }

  // A shared link's query opens in the editor; it runs only when the reader asks, so a link
  // from elsewhere cannot make this server work (or show what it was made to look for) unasked.
  if (cfg.query) {
    const tab = openQuery(cfg.sharedTabName, cfg.query, false);
    const notice = document.getElementById("shared-notice");
    notice.hidden = false;
    document.getElementById("run-shared").addEventListener("click", function () {
      notice.hidden = true;
      tab.query();
    });
  }

  // IRIs under the resource base open the app's own entity page, in this window.
  function localise(event) {
    const link = event.target.closest("a.iri");
    if (!link || !link.href.startsWith(cfg.resourceBase)) return;
    link.href = "/id/" + link.href.slice(cfg.resourceBase.length);
    link.target = "_self";
  }
  ["click", "auxclick", "contextmenu", "mouseover"].forEach(function (type) {
    document.getElementById("yasgui").addEventListener(type, localise, true);
  });
})();
