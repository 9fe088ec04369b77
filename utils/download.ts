// Saves text as a file the user downloads (exports, backups, usage CSV), from an extension page.

/** `byteOrderMark` lets spreadsheet programs read UTF-8 CSV with Chinese headers correctly. */
export function downloadTextFile(fileName: string, text: string, type: string, byteOrderMark = false): void {
  const url = URL.createObjectURL(new Blob(byteOrderMark ? ['\uFEFF', text] : [text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
