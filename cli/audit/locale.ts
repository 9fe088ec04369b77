// The audit command's languages: the command line's own (cli/messages.ts reads them from the environment).
export type { CliLocale as AuditLocale } from '../messages.ts';
