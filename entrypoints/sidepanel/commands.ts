// The keyboard commands of the manifest (changeable at chrome://extensions/shortcuts) and what each one does in the panel.
import type { PanelCommand } from '../../components/panel/types.ts';

export const INSERT_SUGGESTION_COMMANDS = [
  'insert-suggestion-1',
  'insert-suggestion-2',
  'insert-suggestion-3',
] as const;
export const FOCUS_SEARCH_COMMAND = 'focus-search';

/** The panel command for a manifest command name, or null for names the panel does not handle. */
export function panelCommandOf(name: string, seq: number): PanelCommand | null {
  const index = (INSERT_SUGGESTION_COMMANDS as readonly string[]).indexOf(name);
  if (index >= 0) return { kind: 'insert-suggestion', index, seq };
  if (name === FOCUS_SEARCH_COMMAND) return { kind: 'focus-search', seq };
  return null;
}
