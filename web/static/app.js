// Search suggestions for the header search box, from /search.json; results are inserted as text.
(function () {
  "use strict";
  const box = document.getElementById("search-box");
  const list = document.getElementById("search-suggestions");
  if (!box || !list) return;
  let pending = null;
  box.addEventListener("input", function () {
    clearTimeout(pending);
    pending = setTimeout(suggest, 150);
  });
  // Arrow keys move between the box and the suggestions; Escape closes them.
  function move(event) {
    const links = Array.from(list.querySelectorAll("a"));
    const at = links.indexOf(document.activeElement);
    if (event.key === "Escape") {
      list.hidden = true;
      box.focus();
    } else if (event.key === "ArrowDown" && !list.hidden && links.length) {
      event.preventDefault();
      links[Math.min(at + 1, links.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      (at === 0 ? box : links[at - 1]).focus();
    }
  }
  box.addEventListener("keydown", move);
  list.addEventListener("keydown", move);
  document.addEventListener("click", function (event) {
    if (!list.contains(event.target) && event.target !== box) list.hidden = true;
  });
  function suggest() {
    const q = box.value.trim();
    if (!q) { list.hidden = true; return; }
    fetch(`${box.dataset.suggest}?q=${encodeURIComponent(q)}`, { headers: { Accept: "application/json" } })
      .then((response) => (response.ok ? response.json() : []))
      .then(function (hits) {
        list.replaceChildren(...hits.map(function (hit) {
          const item = document.createElement("li");
          const link = document.createElement("a");
          link.href = hit.path;
          link.textContent = hit.label;
          const kind = document.createElement("small");
          kind.textContent = " " + hit.kind + (hit.context ? " · " + hit.context : "");
          item.append(link, kind);
          return item;
        }));
        list.hidden = hits.length === 0;
      });
  }
})();
