// What the panel and the `;;` picker share about replies besides search: the values their variables are filled with, and the language they are wanted in.
import { guessLanguage } from './language.ts';

/** The agent's settings that fill reply variables. */
export interface ReplyValueSettings {
  agentName: string;
  agentId: string;
  company: string;
  customVariables: Record<string, string>;
}

/** What the page tells of the conversation: the customer's name, the order it is about. */
export interface ConversationValues {
  customerName?: string;
  orderNumber?: string;
}

/** The values of the variables Huashu knows; blank means unknown, left to the variables' fallbacks. */
export function replyValues(
  settings: ReplyValueSettings,
  conversation: ConversationValues = {},
): Record<string, string> {
  const values: Record<string, string> = { ...settings.customVariables };
  const known: Record<string, string | undefined> = {
    customer: conversation.customerName,
    orderNumber: conversation.orderNumber,
    agentName: settings.agentName,
    agentId: settings.agentId,
    company: settings.company,
  };
  for (const [name, value] of Object.entries(known)) if (value && value.trim() !== '') values[name] = value.trim();
  return values;
}

/** The language replies are wanted in: the customer's, guessed from their latest message, else the interface's. */
export function replyLanguage(customerText: string | undefined, uiLocale: string): string {
  return (customerText ? guessLanguage(customerText) : undefined) ?? uiLocale;
}
