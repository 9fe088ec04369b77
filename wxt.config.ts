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
    permissions: ['storage', 'sidePanel'],
    host_permissions: ['http://localhost/*', 'http://127.0.0.1/*'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // The page bridge (entrypoints/page-bridge.ts) is injected into helpdesk pages; it reveals nothing by itself.
    web_accessible_resources: [{ resources: ['page-bridge.js'], matches: ['<all_urls>'] }],
  },
});
