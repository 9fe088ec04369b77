// Shared reading helpers for site adapters: message text without page chrome, and ids where the helpdesk gives none.

/** Elements that start a new line when a person reads the message. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
]);

/** Never message text, whatever the helpdesk puts in them. */
const NEVER_TEXT = 'script, style, template, noscript, svg, button';

/**
 * The text a person reads in `root`: blocks and <br> become line breaks, runs of spaces collapse, and whatever
 * matches `skip` (sender names, times, badges, reply previews) is left out. textContent alone would glue paragraphs
 * together and keep the chrome; innerText needs layout, which a detached or hidden conversation does not have.
 */
export function readableText(root: Element, skip?: string): string {
  const dropped = skip ? `${NEVER_TEXT}, ${skip}` : NEVER_TEXT;
  const parts: string[] = [];
  const walk = (node: Node): void => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) {
        parts.push(child.nodeValue ?? '');
      } else if (child.nodeType === 1) {
        const element = child as Element;
        if (element.matches(dropped)) continue;
        if (element.tagName === 'BR') {
          parts.push('\n');
          continue;
        }
        const isBlock = BLOCK_TAGS.has(element.tagName);
        if (isBlock) parts.push('\n');
        walk(element);
        if (isBlock) parts.push('\n');
      }
    }
  };
  walk(root);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** A short, stable hash (FNV-1a, base 36) for ids built from content when the markup carries no id. */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/** The first match of `pattern` in the page's URL (path and hash), for conversation keys. */
export function matchInLocation(doc: Document, pattern: RegExp): string | undefined {
  const location = doc.defaultView?.location;
  if (!location) return undefined;
  return pattern.exec(`${location.pathname}${location.hash}`)?.[1];
}
