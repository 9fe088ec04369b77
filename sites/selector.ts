// Short, unique CSS selectors for elements the agent points at, so a per-host choice survives reloads.

/**
 * Names not worth keeping: generated per build (css-1q2w3e, sc-AxjAm, ember123, _a1b2c3), framework state (ng-*),
 * or utility classes with CSS punctuation (md:flex, w-[20px]) that say how it looks, not what it is.
 */
function isUnstableName(name: string): boolean {
  if (!/^[A-Za-z_][\w-]*$/.test(name)) return true;
  if (/^(css|sc|jsx|svelte|emotion|ng)-/i.test(name)) return true;
  return /\d{3,}/.test(name) || (/^[a-z0-9_]{6,}$/i.test(name) && /\d/.test(name));
}

const STABLE_ATTRIBUTES = ['data-testid', 'data-test-id', 'data-qa', 'data-role', 'role', 'name', 'aria-label'] as const;

function isUnique(doc: Document, selector: string): boolean {
  try {
    return doc.querySelectorAll(selector).length === 1;
  } catch {
    return false;
  }
}

/** What names this element among its siblings: tag, stable classes, one stable attribute, nth-of-type when needed. */
function stepFor(element: Element): string {
  let step = element.tagName.toLowerCase();
  const classes = Array.from(element.classList).filter((name) => !isUnstableName(name)).slice(0, 2);
  step += classes.map((name) => `.${name}`).join('');
  const attribute = STABLE_ATTRIBUTES.find((name) => {
    const value = element.getAttribute(name);
    return value !== null && value.length <= 60 && !/["\\\n]/.test(value) && !/\d{3,}/.test(value);
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
  if (element.id && !isUnstableName(element.id)) {
    const byId = `#${element.id}`;
    if (isUnique(doc, byId)) return byId;
  }
  const steps: string[] = [];
  for (let current: Element | null = element; current && current !== doc.documentElement; current = current.parentElement) {
    if (current !== element && current.id && !isUnstableName(current.id)) {
      const anchored = [`#${current.id}`, ...steps].join(' > ');
      if (isUnique(doc, anchored)) return anchored;
    }
    steps.unshift(stepFor(current));
    const candidate = steps.join(' > ');
    if (isUnique(doc, candidate)) return candidate;
  }
  return ['html', ...steps].join(' > ');
}
