// Tiny DOM helpers: elements built from tag, attributes and children (no framework).

type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | number | boolean | ((e: Event) => void)> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (typeof v === "function") el.addEventListener(k.replace(/^on/, ""), v as EventListener);
    else if (typeof v === "boolean") { if (v) el.setAttribute(k, ""); }
    else el.setAttribute(k, String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

export function clear(el: HTMLElement, ...children: Child[]): HTMLElement {
  el.replaceChildren();
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

export function select(name: string, options: string[], value: string, testid?: string): HTMLSelectElement {
  const s = h("select", { name, ...(testid ? { "data-testid": testid } : {}) }, ...options.map(o => h("option", { value: o }, o)));
  s.value = value;
  return s;
}
