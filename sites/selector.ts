// Short, unique CSS selectors for elements the agent points at, so a per-host choice survives reloads and holds nothing of the conversation.

/**
 * Names not worth keeping: generated per build (css-1q2w3e, sc-AxjAm, ember123, _a1b2c3), framework state (ng-*),
 * or utility classes with CSS punctuation (md:flex, w-[20px]) that say how it looks, not what it is.
 */
function isUnstableName(name: string): boolean {
  if (!/^[A-Za-z_][\w-]*$/.test(name)) return true;
  if (/^(css|sc|jsx|svelte|emotion|ng)-/i.test(name)) return true;
  return /\d{3,}/.test(name) || (/^[a-z0-9_]{6,}$/i.test(name) && /\d/.test(name));
}

/**
 * Attributes that name what an element is. Never labels, titles or placeholders (aria-label, title, placeholder, alt):
 * those are text, often the customer's name ("Conversation with Jane Doe"), which would be stored in the site's
 * preferences and backups and would stop matching in the next conversation.
 */
const STABLE_ATTRIBUTES = ['data-testid', 'data-test-id', 'data-qa', 'data-role', 'role', 'name'] as const;

/** The words a page shows (its title and text), to tell a name from text apart from a name of the markup. */
class PageWords {
  private words: Set<string> | null = null;
  constructor(private readonly doc: Document) {}

  /** True when a word of `value` (camelCase, -, _, . split) of three or more letters is also a word the page shows. */
  holdsPageText(value: string): boolean {
    this.words ??= new Set(wordsOf(`${this.doc.title} ${this.doc.body?.textContent ?? ''}`));
    return wordsOf(value.replace(/([a-z])([A-Z])/g, '$1 $2')).some((word) => word.length >= 3 && this.words!.has(word));
  }
}

function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter(Boolean);
}

/** A value worth keeping: a short identifier (no spaces, quotes or numbers a build or a record made) that is none of the page's words. */
function isStableValue(value: string, page: PageWords): boolean {
  return (
    value.length <= 60 && /^[A-Za-z][A-Za-z0-9_-]*$/.test(value) && !/\d{3,}/.test(value) && !page.holdsPageText(value)
  );
}

/** An id worth keeping: readable, with no digits (ids with numbers are made per record or per render) and none of the page's words. */
function isStableId(id: string, page: PageWords): boolean {
  return id !== '' && !isUnstableName(id) && !/\d/.test(id) && !page.holdsPageText(id);
}

function isUnique(doc: Document, selector: string): boolean {
  try {
    return doc.querySelectorAll(selector).length === 1;
  } catch {
    return false;
  }
}

/** What names this element among its siblings: tag, stable classes, one stable attribute, nth-of-type when needed. */
function stepFor(element: Element, page: PageWords): string {
  let step = element.tagName.toLowerCase();
  const classes = Array.from(element.classList)
    .filter((name) => !isUnstableName(name))
    .slice(0, 2);
  step += classes.map((name) => `.${name}`).join('');
  const attribute = STABLE_ATTRIBUTES.find((name) => {
    const value = element.getAttribute(name);
    return value !== null && isStableValue(value, page);
  });
  if (attribute) step += `[${attribute}="${element.getAttribute(attribute)}"]`;
  const parent = element.parentElement;
  if (parent) {
    const sameStep = Array.from(parent.children).filter((sibling) => sibling !== element && sibling.matches(step));
    if (sameStep.length > 0) {
      const sameTag = Array.from(parent.children).filter((sibling) => sibling.tagName === element.tagName);
      step += `:nth-of-type(${sameTag.indexOf(element) + 1})`;
    }
  }
  return step;
}

/** The shortest selector we can build that matches `element` alone in its document. */
export function selectorFor(element: Element): string {
  const doc = element.ownerDocument;
  const page = new PageWords(doc);
  if (isStableId(element.id, page)) {
    const byId = `#${element.id}`;
    if (isUnique(doc, byId)) return byId;
  }
  const steps: string[] = [];
  for (
    let current: Element | null = element;
    current && current !== doc.documentElement;
    current = current.parentElement
  ) {
    if (current !== element && isStableId(current.id, page)) {
      const anchored = [`#${current.id}`, ...steps].join(' > ');
      if (isUnique(doc, anchored)) return anchored;
    }
    steps.unshift(stepFor(current, page));
    const candidate = steps.join(' > ');
    if (isUnique(doc, candidate)) return candidate;
  }
  return ['html', ...steps].join(' > ');
}
