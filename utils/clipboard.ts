// Puts text on the clipboard through the browser's asynchronous clipboard, reporting a refusal instead of throwing.

/**
 * True once the text is on the clipboard. The browser refuses a document that does not have the focus (the page while
 * the agent clicks in the side panel, the panel while the agent types in the page): the caller then tries another side
 * or shows the text to copy by hand.
 */
export async function writeClipboard(
  text: string,
  clipboard: Clipboard | undefined = navigator.clipboard,
): Promise<boolean> {
  if (!clipboard) return false;
  try {
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
