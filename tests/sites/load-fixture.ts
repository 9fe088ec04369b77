// Helpdesk fixture pages (tests/fixtures/sites/<name>.html and the note variants derived from them), loaded into the test document at a URL of the product's own shape.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Node's path helpers, not URL: happy-dom replaces the global URL with its own.
export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'sites');

/** One edit of the base page's HTML: this exact text, found once, becomes that. */
type Edit = readonly [from: string, to: string];

/**
 * `<site>-note`: the base fixture `<site>` with its composer switched to internal-note mode the way the product does it,
 * and nothing else changed. The header (source and version) stays the base's.
 */
const NOTE_VARIANTS: Readonly<Record<string, readonly Edit[]>> = {
  // ReplyBox.vue: .reply-box gets .is-private when the agent picks "Private Note".
  chatwoot: [['<div class="reply-box">', '<div class="reply-box is-private">']],
  // The editor area carries a "--note" modifier; the class name is unconfirmed (Crisp is closed source).
  crisp: [
    [
      '<div class="c-conversation-box__editor">',
      '<div class="c-conversation-box__editor c-conversation-box__editor--note">',
    ],
  ],
  // public/js/main.js: Note puts .conv-note-block on .conv-reply-block and sets is_note=1.
  freescout: [
    [
      '<div class="conv-block conv-reply-block conv-action-block">',
      '<div class="conv-block conv-reply-block conv-action-block conv-note-block">',
    ],
    ['<input type="hidden" name="is_note" value="">', '<input type="hidden" name="is_note" value="1">'],
  ],
  // article_new.jst.eco: the active ticket's form.article-add turns is-internal, with the hidden input internal=true,
  // when the agent locks the article (the background ticket's form keeps its own data-type="note").
  zammad: [
    [
      '<form class="article-add is-public" data-type="email">',
      '<form class="article-add is-internal" data-type="note">',
    ],
    ['<input type="hidden" name="type" value="email">', '<input type="hidden" name="type" value="note">'],
    ['<input type="hidden" name="internal" value="">', '<input type="hidden" name="internal" value="true">'],
  ],
  // The active tab's channel switcher set to Internal note (data-channel is an assumption, as in zendesk.html).
  zendesk: [['data-channel="messaging">Messaging</button>', 'data-channel="internal">Internal note</button>']],
};

const NOTE_SUFFIX = '-note';

function applyEdit(html: string, [from, to]: Edit, page: string): string {
  const at = html.indexOf(from);
  // Exactly once: a base fixture edited so that the note switch no longer applies must fail here, not pass unswitched.
  if (at < 0 || html.includes(from, at + 1))
    throw new Error(`${page}: the base fixture must hold ${JSON.stringify(from)} exactly once`);
  return html.slice(0, at) + to + html.slice(at + from.length);
}

function readFixtureFile(name: string): string {
  return readFileSync(join(FIXTURE_DIR, `${name}.html`), 'utf8');
}

/** The HTML of a fixture page: a file as committed, or a note variant derived from its base. */
export function fixtureHtml(name: string): string {
  const base = name.endsWith(NOTE_SUFFIX) ? name.slice(0, -NOTE_SUFFIX.length) : undefined;
  const edits = base === undefined ? undefined : NOTE_VARIANTS[base];
  if (base === undefined || edits === undefined) return readFixtureFile(name);
  return edits.reduce((html, edit) => applyEdit(html, edit, name), readFixtureFile(base));
}

/** Every fixture page as `<name>.html`: the committed files and the derived note variants, sorted. */
export function fixturePages(): string[] {
  const files = readdirSync(FIXTURE_DIR).filter((file) => file.endsWith('.html'));
  const notes = Object.keys(NOTE_VARIANTS).map((base) => `${base}${NOTE_SUFFIX}.html`);
  return [...files, ...notes].sort();
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
