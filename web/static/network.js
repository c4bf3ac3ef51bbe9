// Draws the network whose data the page carries as JSON, at the positions the server computed
// (physics off, so nothing moves), and wires the view's tools: hover labels, search, filters.
(function () {
  "use strict";
  const container = document.getElementById("network");
  if (!container) return;
  const read = (id) => JSON.parse(document.getElementById(id).textContent);
  const nodes = new vis.DataSet(read("network-nodes"));
  const edges = new vis.DataSet(read("network-edges"));
  const network = new vis.Network(container, { nodes, edges }, read("network-options"));
  window.orgkgNetwork = network; // for tests and the console: the drawn network
  network.once("afterDrawing", function () { container.dataset.stable = "true"; });

  // Only the hubs carry a label; any node shows its name while hovered.
  const shown = new Map(nodes.get().map((n) => [n.id, n.label]));
  network.on("hoverNode", (p) => nodes.update({ id: p.node, label: nodes.get(p.node).name }));
  network.on("blurNode", (p) => nodes.update({ id: p.node, label: shown.get(p.node) }));

  network.on("doubleClick", function (params) {
    const node = params.nodes.length ? nodes.get(params.nodes[0]) : null;
    if (node && node.href && node.href.startsWith("/")) window.location.assign(node.href);
  });
  const info = document.getElementById("network-selection");
  function describe(id) {
    const node = id === undefined ? null : nodes.get(id);
    info.hidden = !node;
    if (!node) return;
    const link = document.createElement(node.href ? "a" : "span");
    link.textContent = node.name;
    if (node.href) link.href = node.href;
    info.replaceChildren(link);
  }
  network.on("selectNode", (p) => describe(p.nodes[0]));
  network.on("deselectNode", (p) => describe(p.nodes[0]));

  // Search: the first visible node whose name holds the text, exact names first.
  const search = document.getElementById("network-search");
  const status = document.getElementById("network-search-status");
  const list = document.getElementById("network-names");
  list.replaceChildren(...[...new Set(nodes.get().map((n) => n.name))].sort().map((name) => {
    const option = document.createElement("option");
    option.value = name;
    return option;
  }));
  function find(text) {
    const q = text.trim().toLowerCase();
    const visible = nodes.get({ filter: (n) => !n.hidden });
    return visible.find((n) => n.name.toLowerCase() === q) || visible.find((n) => n.name.toLowerCase().includes(q));
  }
  document.getElementById("network-find").addEventListener("submit", function (event) {
    event.preventDefault();
    const node = search.value.trim() ? find(search.value) : null;
    status.textContent = node || !search.value.trim() ? "" : search.dataset.missing.replace("{q}", search.value.trim());
    if (!node) return;
    network.selectNodes([node.id]);
    network.focus(node.id, { scale: 1.4, animation: false });
    describe(node.id);
  });

  // Filters: types ticked in the legend, and one province with the nodes linked to its regions.
  const province = document.getElementById("network-province");
  function filter() {
    const off = new Set([...document.querySelectorAll("#network-types input:not(:checked)")].map((i) => i.dataset.kind));
    let within = null;
    if (province && province.value) {
      within = new Set(nodes.get({ filter: (n) => n.province === province.value }).map((n) => n.id));
      for (const id of [...within]) network.getConnectedNodes(id).forEach((other) => within.add(other));
    }
    nodes.update(nodes.get().map((n) => ({ id: n.id, hidden: off.has(n.kind) || (within !== null && !within.has(n.id)) })));
  }
  document.querySelectorAll("#network-types input").forEach((box) => box.addEventListener("change", filter));
  if (province) province.addEventListener("change", filter);
})();
