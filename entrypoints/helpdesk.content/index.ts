// Content script: watches the helpdesk's conversation and composer.
import { defineContentScript } from 'wxt/utils/define-content-script';

export default defineContentScript({
  matches: ['http://localhost/*', 'http://127.0.0.1/*'],
  main() {
    // Wired up by the content runtime.
  },
});
