// Picks the customer message the panel should answer, and lets earlier customer messages decide a bare follow-up ("怎么办?").
import type { Detection } from '../engine/types.ts';
import type { ChatMessage } from '../sites/types.ts';

export interface LatestCustomerDetection {
  messageId: string;
  detection: Detection;
  /** The earlier customer message whose scenarios stand in for a follow-up that has none of its own. */
  followUpOf?: string;
  /**
   * The conversation's main issue, kept beside a short follow-up about the conversation itself ("人呢？？怎么不回复" in a
   * refund chat): the earlier message's best scenario, listed second.
   */
  mainScenario?: string;
}

/** Scenarios about the conversation itself, not about what the customer came for: a short message of one adds to the main issue. */
const CONVERSATION_SCENARIOS: ReadonlySet<string> = new Set([
  'waiting_too_long',
  'thanks',
  'greeting',
  'closing',
  'not_understood',
  'connection_issue',
  'customer_apology',
  'praise',
]);
/** A follow-up is short: longer messages say what they are about and stand alone. */
const SHORT_FOLLOW_UP_CHARS = 30;

/** How far back a follow-up may reach for its context, in customer messages. */
export const FOLLOW_UP_LOOKBACK = 8;

/**
 * The latest customer message (never an agent reply, a note or a system line) with its detection. When it names no
 * scenario, the most recent earlier customer message of the same conversation that does supplies the scenarios; the
 * emotion and sensitive spans stay the latest message's own, since they describe what the customer just wrote.
 */
export function detectLatestCustomer(
  messages: readonly ChatMessage[],
  detect: (text: string) => Detection,
): LatestCustomerDetection | null {
  const customer = messages.filter((message) => message.role === 'customer' && message.text !== '');
  const latest = customer.at(-1);
  if (!latest) return null;
  const detection = detect(latest.text);
  const best = detection.scenarios[0]?.id;
  if (best !== undefined && CONVERSATION_SCENARIOS.has(best) && [...latest.text].length <= SHORT_FOLLOW_UP_CHARS) {
    const main = mainIssueBefore(customer, detect);
    if (main && !detection.scenarios.some((s) => s.id === main.id)) {
      const scenarios = [detection.scenarios[0]!, main, ...detection.scenarios.slice(1)].slice(0, 3);
      return { messageId: latest.id, detection: { ...detection, scenarios }, mainScenario: main.id };
    }
  }
  if (detection.scenarios.length > 0) return { messageId: latest.id, detection };
  for (let i = customer.length - 2; i >= Math.max(0, customer.length - 1 - FOLLOW_UP_LOOKBACK); i--) {
    const earlier = customer[i]!;
    const earlierDetection = detect(earlier.text);
    if (earlierDetection.scenarios.length > 0) {
      return {
        messageId: latest.id,
        detection: { ...detection, scenarios: earlierDetection.scenarios },
        followUpOf: earlier.id,
      };
    }
  }
  return { messageId: latest.id, detection };
}

/** The best scenario of the most recent earlier customer message that is about something (not the conversation itself). */
function mainIssueBefore(
  customer: readonly ChatMessage[],
  detect: (text: string) => Detection,
): Detection['scenarios'][number] | undefined {
  for (let i = customer.length - 2; i >= Math.max(0, customer.length - 1 - FOLLOW_UP_LOOKBACK); i--) {
    const top = detect(customer[i]!.text).scenarios[0];
    if (top && !CONVERSATION_SCENARIOS.has(top.id)) return top;
  }
  return undefined;
}
