// Which lint findings a draft shows: none while the composer writes an internal note.
import type { Finding } from '../engine/types.ts';
import type { ComposerInfo } from '../sites/types.ts';

/**
 * The forbidden-phrase rules are about what the customer reads. An internal note is read by colleagues only and may
 * quote the customer or say plainly "我不能退款，需要主管批准", so a note draft gets no findings at all: no underlines, no
 * count in the panel. Quiet warnings were the other option, but a warning the agent must learn to ignore teaches
 * ignoring warnings; the panel's note-mode banner already tells the agent why the draft is not checked.
 */
export function findingsForComposer(composer: Pick<ComposerInfo, 'noteMode'>, findings: Finding[]): Finding[] {
  return composer.noteMode ? [] : findings;
}
