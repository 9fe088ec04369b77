// Fills "{name}" placeholders of a catalog text in one pass: every layer's catalog (library, composer, command line, interface) renders its texts with it.

/**
 * The template with each "{name}" replaced by `valueOf(name)`; a placeholder without a value stays as written. One
 * pass, so a value that itself holds braces is never filled again.
 */
export function fillTemplate(template: string, valueOf: (name: string) => string | undefined): string {
  return template.replace(/\{(\w+)\}/gu, (whole, name: string) => valueOf(name) ?? whole);
}
