// Small DOM helpers: every element the page makes goes through el(), so text is always set as
// text (never parsed as HTML) unless a helper here says otherwise.

/**
 * el('a', {class: 'x', href: '?q=1', dataset: {nav: ''}, onclick: fn}, 'text', child, ...)
 * Attributes whose value is null, undefined or false are left out; children may be strings,
 * nodes, arrays of them, or null (skipped).
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2), value);
    } else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces everything inside `node` with `children`. */
export function replaceChildren(node, ...children) {
  node.replaceChildren();
  append(node, children);
}

/**
 * The server's snippet HTML (escaped text with matches in <mark>) as DOM nodes, keeping only
 * text and <mark>: whatever else the string might hold ends up as plain text.
 */
export function snippetNodes(html) {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const nodes = [];
  for (const child of parsed.body.childNodes) {
    if (child.nodeName === 'MARK') nodes.push(el('mark', {}, child.textContent));
    else nodes.push(document.createTextNode(child.textContent));
  }
  return nodes;
}
