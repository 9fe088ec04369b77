// Huashu's one element on the page and its closed shadow root, where every part drawn over the helpdesk (inline warnings, the `;;` picker, the guard before sending, the element picker) gets a layer.

/**
 * The page's only Huashu element. It carries no attribute of ours: the page can see that it is there, never what Huashu
 * found or offers (the panel and tests ask the content script by messaging, or read the closed root through DevTools).
 */
const HOST_TAG = 'huashu-root';

type UiLayerName = 'warnings' | 'expansion' | 'send-guard' | 'element-picker';

export interface UiHost {
  readonly element: HTMLElement;
  /** The layer's container inside the closed root, made on first use with its style sheet; the same one afterwards. */
  layer(name: UiLayerName, css?: string): HTMLElement;
  /** Takes the element off the page (the content script stood down). */
  remove(): void;
}

// Later layers draw over earlier ones: the element picker over the guard before sending over the `;;` list over the underlines.
const LAYER_ORDER: readonly UiLayerName[] = ['warnings', 'expansion', 'send-guard', 'element-picker'];

export function createUiHost(doc: Document): UiHost {
  const element = doc.createElement(HOST_TAG);
  // The host takes no room and no clicks; each layer positions itself in the viewport (position: fixed).
  element.style.cssText = 'all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647;';
  // Closed: the helpdesk's scripts cannot reach in, and its styles do not apply.
  const shadow = element.attachShadow({ mode: 'closed' });
  doc.documentElement.append(element);
  const layers = new Map<UiLayerName, HTMLElement>();

  return {
    element,
    layer(name, css) {
      const existing = layers.get(name);
      if (existing) return existing;
      const section = doc.createElement('div');
      if (css) {
        const style = doc.createElement('style');
        style.textContent = css;
        section.append(style);
      }
      const container = doc.createElement('div');
      section.append(container);
      const after = LAYER_ORDER.slice(LAYER_ORDER.indexOf(name) + 1)
        .map((later) => layers.get(later)?.parentElement)
        .find((node) => node !== undefined);
      shadow.insertBefore(section, after ?? null);
      layers.set(name, container);
      return container;
    },
    remove() {
      element.remove();
    },
  };
}
