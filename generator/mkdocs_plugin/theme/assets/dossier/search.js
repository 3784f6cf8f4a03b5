/* Site search with Pagefind in Material's search box (generator/mkdocs_plugin/search.py).
 *
 * Nothing is fetched until the box is used: focusing it loads Pagefind (its script, its
 * WebAssembly and the index's entry file); a query then fetches only the index chunks of its
 * words and a fragment for each result shown, ten at a time (more as the list is scrolled).
 * Titles and excerpts come from the articles, so they are put in as text: the excerpt keeps
 * only Pagefind's <mark> highlights, rebuilt as new elements, never as markup. Keys: "/", "s"
 * or "f" open the search, arrows move through the results, Enter opens one, Escape closes.
 * After a build that indexed only what changed, pagefind/dossier.json names the index of the
 * recent pages, merged into the base one, and the base's results to leave out (pages changed
 * or gone since it was made); a result found in both indexes is shown once.
 */
(() => {
  "use strict";
  const box = document.querySelector("[data-dossier-search]");
  const toggle = document.getElementById("__search");
  if (!box || !toggle || !document.currentScript) return;
  const root = new URL("../../", document.currentScript.src); // assets/dossier/search.js
  const texts = box.dataset;
  const form = box.querySelector(".md-search__form");
  const input = box.querySelector(".md-search__input");
  const meta = box.querySelector(".md-search-result__meta");
  const list = box.querySelector(".md-search-result__list");
  const scroller = box.querySelector(".md-search__scrollwrap");
  const PAGE = 10;
  let loading = null;
  let results = [];
  let shown = 0;
  let query = 0;
  let timer = 0;
  let filling = false;
  let hidden = new Set();

  function overlay() {
    return fetch(new URL("pagefind/dossier.json", root).href)
      .then((response) => (response.ok ? response.json() : {}))
      .catch(() => ({}));
  }

  function load() {
    if (!loading) {
      const extra = overlay();
      loading = import(new URL("pagefind/pagefind.js", root).href).then(async (pagefind) => {
        const options = { baseUrl: root.pathname, excerptLength: 24 };
        await pagefind.options(options);
        const { recent, hide } = await extra;
        hidden = new Set(Array.isArray(hide) ? hide : []);
        if (typeof recent === "string") {
          await pagefind.mergeIndex(new URL("pagefind/" + recent, root).href, options);
        }
        await pagefind.init();
        return pagefind;
      });
      loading.catch(() => { loading = null; });
    }
    return loading;
  }

  function open() {
    if (!toggle.checked) toggle.checked = true;
    load().catch(() => { meta.textContent = texts.none; });
  }

  function close() {
    toggle.checked = false;
    input.blur();
  }

  function excerpt(html) {
    // A <template>'s content is inert: nothing in it loads or runs while it is taken apart.
    const template = document.createElement("template");
    template.innerHTML = html;
    const paragraph = document.createElement("p");
    for (const node of template.content.childNodes) {
      if (node.nodeName === "MARK") {
        const mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.append(mark);
      } else {
        paragraph.append(document.createTextNode(node.textContent));
      }
    }
    return paragraph;
  }

  function item(data) {
    const url = new URL(data.url, root);
    if (url.origin !== root.origin) return null;
    const entry = document.createElement("li");
    entry.className = "md-search-result__item";
    const link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = url.href;
    link.tabIndex = -1;
    const article = document.createElement("article");
    article.className = "md-search-result__article md-search-result__article--document md-typeset";
    const icon = document.createElement("div");
    icon.className = "md-search-result__icon md-icon";
    const title = document.createElement("h1");
    title.textContent = (data.meta && data.meta.title) || url.pathname;
    article.append(icon, title, excerpt(data.excerpt || ""));
    link.append(article);
    entry.append(link);
    return entry;
  }

  function count(n) {
    if (n === 0) return texts.none;
    if (n === 1) return texts.one;
    return texts.other.replace("#", n.toLocaleString());
  }

  async function more() {
    if (filling || shown >= results.length) return;
    filling = true;
    const mine = query;
    try {
      const batch = await Promise.all(results.slice(shown, shown + PAGE).map((r) => r.data()));
      if (mine !== query) return;
      shown += batch.length;
      for (const data of batch) {
        const entry = item(data);
        if (entry) list.append(entry);
      }
    } finally {
      filling = false;
    }
  }

  async function search(text) {
    const mine = ++query;
    if (!text.trim()) {
      results = [];
      shown = 0;
      list.replaceChildren();
      meta.textContent = texts.placeholder;
      return;
    }
    if (!loading) meta.textContent = texts.loading;
    const pagefind = await load();
    const found = await pagefind.search(text);
    if (mine !== query || !found) return;
    const seen = new Set();
    results = found.results.filter((r) => {
      if (hidden.has(r.id) || seen.has(r.id)) return false;
      seen.add(r.id);
      return true;
    });
    shown = 0;
    list.replaceChildren();
    meta.textContent = count(results.length);
    await more();
  }

  function links() {
    return [...list.querySelectorAll(".md-search-result__link")];
  }

  input.addEventListener("focus", open);
  input.addEventListener("pointerdown", open);
  input.addEventListener("input", () => {
    open();
    clearTimeout(timer);
    timer = setTimeout(() => search(input.value).catch(() => { meta.textContent = texts.none; }), 60);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = links()[0];
    if (first) first.click();
  });
  form.addEventListener("reset", () => {
    setTimeout(() => { search(""); input.focus(); });
  });
  toggle.addEventListener("change", () => {
    if (toggle.checked) input.focus();
    else input.blur();
  });
  list.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest("a")) close();
  });
  scroller.addEventListener("scroll", () => {
    if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 40) more();
  });
  window.addEventListener("keydown", (event) => {
    if (event.metaKey || event.ctrlKey || event.altKey) return;
    const active = document.activeElement;
    if (!toggle.checked) {
      const typing = active && (active.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName));
      if (!typing && (event.key === "/" || event.key === "s" || event.key === "f")) {
        event.preventDefault();
        open();
        input.focus();
        input.select();
      }
      return;
    }
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      const all = [input, ...links()];
      const at = all.indexOf(active);
      const step = event.key === "ArrowDown" ? 1 : -1;
      const next = at < 0 ? 0 : (at + step + all.length) % all.length;
      if (step > 0 && at === all.length - 1) more();
      all[next].focus();
      event.preventDefault();
    }
  });
})();
