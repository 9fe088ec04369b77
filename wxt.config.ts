// Build configuration for the extension (Chrome MV3 and Firefox).
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';

/**
 * Leaves the pinyin table (engine/tables/pinyin.ts, 17 KB gzip), the traditional → simplified table
 * (engine/tables/t2s.ts, 13 KB gzip) and the cue lists of emotion, negation and shorthand (engine/tables/cue-lists.ts, 4 KB gzip) out of the
 * content script, which runs in every helpdesk tab: the background publishes them to storage with the packs, and the
 * content script installs them before its first engine (content/runtime.ts). Every other entry (background, panel, options) keeps them bundled. Each content script is a
 * build of its own, so the build's input tells which one this is.
 */
function tablesFromStorage(): Plugin {
  const STUBS: Record<string, string> = {
    '\0huashu-table-from-storage:pinyin': 'export const PINYIN_TABLE = undefined;',
    '\0huashu-table-from-storage:t2s': 'export const TRADITIONAL_TO_SIMPLIFIED_PAIRS = undefined;',
    '\0huashu-table-from-storage:cue-lists': 'export const CUE_LISTS = undefined;',
  };
  let contentBuild = false;
  return {
    name: 'huashu-tables-from-storage',
    enforce: 'pre',
    options(options) {
      const inputs = Object.values(
        typeof options.input === 'string' ? [options.input] : (options.input ?? {}),
      ) as string[];
      contentBuild = inputs.length > 0 && inputs.every((input) => /helpdesk\.content/u.test(input));
      return null;
    },
    resolveId(source) {
      const table = contentBuild ? /\/tables\/(pinyin|t2s|cue-lists)(?:\.ts)?$/u.exec(source)?.[1] : undefined;
      return table ? `\0huashu-table-from-storage:${table}` : null;
    },
    load(id) {
      return STUBS[id] ?? null;
    },
  };
}

export default defineConfig({
  imports: false,
  vite: () => ({
    plugins: [preact(), tablesFromStorage()],
    // Terser packs the bundles tighter than the default minifier (the content script, in every helpdesk tab: 102.4 →
    // about 96.5 KB gzip); two passes find what the first one's inlining opened up.
    build: { minify: 'terser', terserOptions: { compress: { passes: 2 } } },
  }),
  hooks: {
    // Firefox (MV2) has a sidebar instead of Chrome's side panel, and asks for other hosts through optional_permissions.
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser !== 'firefox') return;
      manifest.permissions = (manifest.permissions ?? []).filter((permission) => permission !== 'sidePanel');
      // Nothing is collected or sent (README: Privacy and security); Firefox shows this at install (140+, Android 142+).
      const settings = manifest.browser_specific_settings as Record<string, Record<string, unknown>> | undefined;
      if (settings?.gecko) {
        settings.gecko.data_collection_permissions = { required: ['none'] };
        settings.gecko_android = { strict_min_version: '142.0' };
      }
      if (wxt.config.manifestVersion === 2) {
        const optional = new Set([...(manifest.optional_permissions ?? []), 'https://*/*', 'http://*/*']);
        manifest.optional_permissions = [...optional] as typeof manifest.optional_permissions;
      }
    },
  },
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // scripting: run the content script on sites the agent turns on (registered per granted origin, and injected into the open tab).
    permissions: ['storage', 'sidePanel', 'alarms', 'scripting', 'activeTab'],
    // Packs and settings an administrator pushes by policy (library/policy.ts, README "Policy").
    storage: { managed_schema: 'managed_schema.json' },
    host_permissions: ['http://localhost/*', 'http://127.0.0.1/*'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // Firefox needs a fixed add-on id for managed storage (policies.json) and for updates; Chrome ignores the key.
    browser_specific_settings: { gecko: { id: 'huashu@huashu.extension', strict_min_version: '140.0' } },
    // The page bridge (entrypoints/page-bridge.ts) is injected into helpdesk pages. use_dynamic_url: pages can load it only
    // at an address that changes every browser session (runtime.getURL gives it to the content script), so no site can
    // probe the fixed chrome-extension://<id>/page-bridge.js to learn that Huashu is installed. matches cannot be narrower
    // than web pages: the content script also runs on any site the agent turns on at run time. Firefox (MV2) gets the
    // plain list WXT writes for MV2, where the add-on's address is already random per installation.
    web_accessible_resources: [
      { resources: ['page-bridge.js'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true },
    ],
    // Side panel shortcuts (Chrome allows 4 suggested keys; agents can change them at chrome://extensions/shortcuts).
    // Alt+Shift+digit and Alt+Shift+F are free in Chrome and in the common helpdesks (which use Ctrl/Cmd, Ctrl+Alt or single keys).
    commands: {
      'insert-suggestion-1': { suggested_key: { default: 'Alt+Shift+1' }, description: '__MSG_cmdInsertSuggestion1__' },
      'insert-suggestion-2': { suggested_key: { default: 'Alt+Shift+2' }, description: '__MSG_cmdInsertSuggestion2__' },
      'insert-suggestion-3': { suggested_key: { default: 'Alt+Shift+3' }, description: '__MSG_cmdInsertSuggestion3__' },
      'focus-search': { suggested_key: { default: 'Alt+Shift+F' }, description: '__MSG_cmdFocusSearch__' },
    },
  },
});
