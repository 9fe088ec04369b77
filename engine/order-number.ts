// The order a conversation is about: the latest number a message labels as an order (订单号 123…, order #A123…), for the {orderNumber} variable.

// A label that says "order", not "tracking" or "invoice": 快递单号 and 运单号 name a parcel, and agents reply about orders.
const ORDER_LABEL =
  /(?<!快递|快遞|运|運|物流|发票|發票)(?:订单编号|訂單編號|订单号码|訂單號碼|订单号|訂單號|订单|訂單|单号|單號|order\s*(?:number|no\.?|id|#)?)/giu;
// What may stand between the label and the number: a colon, 是/為, "is", a #, spaces; a few characters at most.
const BETWEEN = /^[\s:：#＃是为為is=]{0,6}/iu;
// An order number: letters then digits (DD2024…, A1234567), at least six characters with four digits among them.
const NUMBER = /^[A-Za-z]{0,4}[0-9][0-9A-Za-z-]{4,31}(?![0-9A-Za-z])/u;

function digitCount(text: string): number {
  let count = 0;
  for (const char of text) if (char >= '0' && char <= '9') count++;
  return count;
}

/** The last order number one message labels, or undefined. */
function lastOrderNumberIn(text: string): string | undefined {
  let found: string | undefined;
  for (const label of text.matchAll(ORDER_LABEL)) {
    const after = text.slice(label.index + label[0].length, label.index + label[0].length + 48);
    const gap = BETWEEN.exec(after)?.[0] ?? '';
    const number = NUMBER.exec(after.slice(gap.length))?.[0];
    if (number !== undefined && digitCount(number) >= 4) found = number;
  }
  return found;
}

/** The order number of the latest message (of those given, oldest first) that labels one; undefined when none does. */
export function findOrderNumber(
  messages: readonly string[],
  numberIn: (text: string) => string | undefined = lastOrderNumberIn,
): string | undefined {
  for (let i = messages.length - 1; i >= 0; i--) {
    const found = numberIn(messages[i]!);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * findOrderNumber for a conversation read again on every new message: each text is searched once, so a new message
 * in a long conversation without any order number costs lookups, not a search of every earlier message.
 */
export function createOrderNumberFinder(cacheLimit: number): (messages: readonly string[]) => string | undefined {
  const known = new Map<string, string | null>();
  const numberIn = (text: string): string | undefined => {
    let found = known.get(text);
    if (found === undefined) {
      if (known.size >= cacheLimit) known.clear();
      known.set(text, (found = lastOrderNumberIn(text) ?? null));
    }
    return found ?? undefined;
  };
  return (messages) => findOrderNumber(messages, numberIn);
}
