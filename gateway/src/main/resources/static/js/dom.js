// Builds DOM from data. Text always goes in as text nodes, never as markup, so an answer that
// contains <script> or HTML is shown exactly as the learner typed it.

/**
 * el('p', {class: 'x', attrs: {'aria-live': 'polite'}, on: {click: f}}, 'text', child, [more])
 * Props: class, id, text, attrs (setAttribute), on (listeners), dataset, and plain properties
 * (type, value, disabled, htmlFor, ...). Children: strings/numbers become text nodes, null/false are skipped.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key === 'attrs') for (const [a, v] of Object.entries(value)) { if (v !== null && v !== undefined && v !== false) node.setAttribute(a, v === true ? '' : String(v)); }
    else if (key === 'on') for (const [event, handler] of Object.entries(value)) node.addEventListener(event, handler);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node[key] = value;
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else if (child instanceof Node) node.appendChild(child);
    else node.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces everything in a container. */
export function replace(container, ...children) {
  container.replaceChildren();
  append(container, children);
  return container;
}

/** Says something to screen readers without moving focus. */
export function announce(message) {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  // a fresh text node after a tick makes repeated identical messages announce again
  setTimeout(() => { region.textContent = message; }, 50);
}

/** A section with a heading, or nothing when it would be empty. */
export function section(title, id, ...content) {
  const flat = content.flat().filter(Boolean);
  if (flat.length === 0) return null;
  const headingId = `${id}-heading`;
  return el('section', {class: 'card', id, attrs: {'aria-labelledby': headingId}},
    el('h2', {id: headingId, text: title}), flat);
}

export function list(items, render = (x) => x, className = '') {
  if (!items || items.length === 0) return null;
  return el('ul', {class: className || null}, items.map((item) => el('li', {}, render(item))));
}

export function percent(value) {
  return `${Math.round(value * 100)}%`;
}
