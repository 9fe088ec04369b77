// Build configuration for the extension (Chrome MV3 and Firefox).
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'sidePanel', 'alarms'],
    host_permissions: ['http://localhost/*', 'http://127.0.0.1/*'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // The page bridge (entrypoints/page-bridge.ts) is injected into helpdesk pages; it reveals nothing by itself.
    web_accessible_resources: [{ resources: ['page-bridge.js'], matches: ['<all_urls>'] }],
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
