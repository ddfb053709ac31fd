/*
 * Small DOM helpers. Every piece of data goes into the page as text (textContent / setAttribute), never as HTML.
 */

export function $(id) {
  return document.getElementById(id);
}

/** el('td', {class: 'x', title: 't', data: {testid: 'y'}, on: {click: f}}, 'text', node, ...): children are text or nodes. */
export function el(tag, props, ...children) {
  const node = document.createElement(tag);
  if (props) {
    Object.keys(props).forEach((key) => {
      const value = props[key];
      if (value === null || value === undefined || value === false) {
        return;
      }
      if (key === 'class') {
        node.className = value;
      } else if (key === 'data') {
        Object.keys(value).forEach((d) => {
          if (value[d] !== null && value[d] !== undefined) {
            node.setAttribute('data-' + d, String(value[d]));
          }
        });
      } else if (key === 'on') {
        Object.keys(value).forEach((type) => node.addEventListener(type, value[type]));
      } else {
        node.setAttribute(key, value === true ? '' : String(value));
      }
    });
  }
  children.forEach((child) => append(node, child));
  return node;
}

function append(node, child) {
  if (child === null || child === undefined || child === false) {
    return;
  }
  if (Array.isArray(child)) {
    child.forEach((c) => append(node, c));
  } else if (typeof child === 'object' && child.nodeType) {
    node.appendChild(child);
  } else {
    node.appendChild(document.createTextNode(String(child)));
  }
}

/** The label a table cell shows above its value when the tables collapse into cards on a phone. */
export function labelled(td, label) {
  td.setAttribute('data-label', label);
  return td;
}

export function cssEscape(value) {
  return window.CSS && CSS.escape ? CSS.escape(value) : value.replace(/["\\]/g, '\\$&');
}
