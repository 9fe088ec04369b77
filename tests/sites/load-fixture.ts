// Loads a helpdesk fixture (tests/fixtures/sites/<name>.html) into the test document, at a URL of the product's own shape.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Node's path helpers, not URL: happy-dom replaces the global URL with its own.
export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'sites');

export function fixtureHtml(name: string): string {
  return readFileSync(join(FIXTURE_DIR, `${name}.html`), 'utf8');
}

/** Replaces the whole document with the fixture; `path` (path, query and hash) is what the adapter sees in location. */
export function loadFixture(name: string, path = '/'): Document {
  const parsed = new DOMParser().parseFromString(fixtureHtml(name), 'text/html');
  // happy-dom refuses a second root element, so swap the root's attributes, head and body instead.
  const root = document.documentElement;
  for (const attribute of Array.from(root.attributes)) root.removeAttribute(attribute.name);
  for (const attribute of Array.from(parsed.documentElement.attributes))
    root.setAttribute(attribute.name, attribute.value);
  document.head.replaceWith(document.importNode(parsed.head, true));
  document.body.replaceWith(document.importNode(parsed.body, true));
  window.history.replaceState(null, '', path);
  return document;
}
