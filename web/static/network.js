// Draws the network whose data the page carries as JSON (built by pyvis on the server).
// Physics runs until the layout stabilises, then stops so large views stay responsive.
(function () {
  "use strict";
  const container = document.getElementById("network");
  if (!container) return;
  const read = (id) => JSON.parse(document.getElementById(id).textContent);
  const nodes = new vis.DataSet(read("network-nodes"));
  const edges = new vis.DataSet(read("network-edges"));
  const network = new vis.Network(container, { nodes, edges }, read("network-options"));
  const status = document.getElementById("network-status");
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({ physics: false });
    container.dataset.stable = "true";
    if (status) status.hidden = true;
  });
  network.on("doubleClick", function (params) {
    const node = params.nodes.length ? nodes.get(params.nodes[0]) : null;
    if (node && node.href && node.href.startsWith("/")) window.location.assign(node.href);
  });
  network.on("selectNode", function (params) {
    const node = nodes.get(params.nodes[0]);
    const info = document.getElementById("network-selection");
    if (!info || !node) return;
    info.replaceChildren();
    const link = document.createElement(node.href ? "a" : "span");
    link.textContent = node.label;
    if (node.href) link.href = node.href;
    info.append(link);
  });
})();
