// Picks the customer message the panel should answer, and lets earlier customer messages decide a bare follow-up ("怎么办?").
import type { Detection } from '../engine/types.ts';
import type { ChatMessage } from '../sites/types.ts';

export interface LatestCustomerDetection {
  messageId: string;
  detection: Detection;
  /** The earlier customer message whose scenarios stand in for a follow-up that has none of its own. */
  followUpOf?: string;
}

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
