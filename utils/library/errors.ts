// Every text a person can see when a change to the pack library is refused: what is wrong, where, and what to do.

// Small amounts in bytes, so "0 KB left" never hides that a few bytes are free.
const kb = (bytes: number): string =>
  bytes < 10_240 ? `${Math.max(0, bytes)} bytes` : `${Math.round(bytes / 1024).toLocaleString('en')} KB`;

export const LIBRARY_ERRORS = {
  builtinId: (id: string) =>
    `id: the pack id "${id}" belongs to a built-in pack; give your pack its own id (for example "team-${id}") and import it again`,
  policyId: (id: string) =>
    `id: the pack id "${id}" belongs to a pack set by your administrator, which cannot be replaced here; give your pack another id`,
  quota: (needed: number, room: number) =>
    `not saved: the pack needs ${kb(needed)} but only ${kb(room)} of browser storage is left; remove packs you no longer use, or split this one`,
  unknownPack: (id: string) => `there is no pack "${id}" in the library any more (it was removed meanwhile); reload the page`,
  policyLocked: (id: string) => `"${id}" is set by your administrator: it cannot be switched off or removed here`,
  builtinRemove: (id: string) => `"${id}" is built in: it cannot be removed, only switched off`,
  backupNotJson: (detail: string) => `the backup is not valid JSON (${detail}): pick a file made by "Export everything"`,
  backupShape: (field: string, expected: string) =>
    `${field}: expected ${expected}; pick a file made by "Export everything" and do not edit it by hand`,
  backupFormat: (found: unknown) =>
    `format: ${JSON.stringify(found)} is not a Huashu backup (expected "huashu-backup" version 1); pick a file made by "Export everything"`,
  backupPack: (index: number, detail: string) => `installedPacks[${index}].pack: ${detail}`,
} as const;
