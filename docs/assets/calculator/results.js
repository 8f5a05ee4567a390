// The calculator's results: tables and a bar chart filled from llmsize.calculator.calculate()'s
// output, always as text (never as HTML). Labels and figures are llmsize's, in the page's
// language; this only lays them out.

const SVG = "http://www.w3.org/2000/svg";

function cell(tag, content, className) {
  const node = document.createElement(tag);
  node.textContent = content;
  if (className) node.className = className;
  return node;
}

function fill(table, rows, makeCells) {
  const body = table.tBodies[0];
  body.replaceChildren(
    ...rows.map((row) => {
      const tr = document.createElement("tr");
      tr.dataset.key = row.path || row.key;
      tr.append(...makeCells(row));
      return tr;
    }),
  );
}

export function render(el, out, text) {
  // "Results for {model} ({source})", worded in the page's language by form.py.
  const source = out.source === "config" ? text.msgFromConfig : text.msgFromPreset;
  const [before, after] = text.msgResultFor.split("{model}");
  el.modelName.replaceChildren(before, cell("strong", out.model), after.replace("{source}", source));
  el.notes.replaceChildren(...out.notes.map((note) => cell("li", note)));
  el.notes.hidden = out.notes.length === 0;
  fill(el.summary, out.summary, (r) => [
    cell("td", r.label),
    cell("td", r.count, "calc-num"),
    cell("td", r.exact, "calc-num"),
  ]);
  fill(el.memory, out.memory, (r) => [
    cell("td", r.label),
    cell("td", r.text, "calc-num"),
    cell("td", r.exact, "calc-num"),
  ]);
  fill(el.breakdown, out.breakdown, (r) => {
    const label = cell("td", r.label);
    label.style.paddingLeft = `${0.8 + 1.2 * r.depth}em`;
    if (r.group) label.classList.add("calc-group");
    return [
      label,
      cell("td", r.count, "calc-num"),
      cell("td", r.exact, "calc-num"),
      cell("td", r.share, "calc-num"),
    ];
  });
  drawChart(el, out.chart, out.chart_title);
  renderFit(el, out.fit);
  el.results.hidden = false;
}

// The fit check for the chosen GPU and count: bytes per GPU by part, then the answers (the
// speeds are bounds, and their labels say so).
function renderFit(el, fit) {
  el.fitBox.hidden = !fit;
  if (!fit) return;
  el.fitTitle.textContent = fit.title;
  el.fitBox.dataset.fits = String(fit.fits);
  fill(el.fit, [...fit.rows, ...fit.answers], (r) => [
    cell("td", r.label),
    cell("td", r.text, "calc-num"),
    cell("td", r.exact ?? "", "calc-num"),
  ]);
}

// Horizontal bars on a linear scale, drawn in the page's colours (currentColor and Material's
// theme variables, so the chart follows light and dark mode).
function drawChart(el, rows, title) {
  const width = 720;
  const rowHeight = 36;
  const pad = 8;
  const labelWidth = 190;
  const valueWidth = 170;
  const height = 2 * pad + rows.length * rowHeight;
  const largest = Math.max(1, ...rows.map((r) => r.bytes));
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", title);
  const titleNode = document.createElementNS(SVG, "title");
  titleNode.textContent = title;
  svg.append(titleNode);
  rows.forEach((row, i) => {
    const y = pad + i * rowHeight;
    const barWidth = Math.max(1, ((width - labelWidth - valueWidth) * row.bytes) / largest);
    const label = document.createElementNS(SVG, "text");
    label.setAttribute("x", labelWidth - 10);
    label.setAttribute("y", y + rowHeight / 2);
    label.setAttribute("text-anchor", "end");
    label.setAttribute("dominant-baseline", "middle");
    label.textContent = row.label;
    const bar = document.createElementNS(SVG, "rect");
    bar.setAttribute("x", labelWidth);
    bar.setAttribute("y", y + 8);
    bar.setAttribute("width", barWidth);
    bar.setAttribute("height", rowHeight - 16);
    bar.setAttribute("rx", 2);
    bar.setAttribute("class", `calc-bar calc-bar-${row.key.split("_")[0]}`);
    const value = document.createElementNS(SVG, "text");
    value.setAttribute("x", labelWidth + barWidth + 8);
    value.setAttribute("y", y + rowHeight / 2);
    value.setAttribute("dominant-baseline", "middle");
    value.textContent = row.text;
    svg.append(label, bar, value);
  });
  el.chart.querySelector("svg")?.remove();
  el.chart.prepend(svg);
  el.chartTitle.textContent = title;
}
