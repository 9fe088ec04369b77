// Finds personal data in a message (PRC id numbers, bank cards, phones, e-mails, passwords, verification codes) so it can be shown masked.
import type { SensitiveKind, SensitiveSpan } from './types.ts';

/** ISO 7064 MOD 11-2, the check digit of the 18-character PRC resident id. */
function isValidResidentId(id: string): boolean {
  if (!/^[1-9]\d{16}[\dXx]$/.test(id)) return false;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * weights[i]!;
  const check = '10X98765432'[sum % 11];
  return id[17]!.toUpperCase() === check;
}

function isLuhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

// The letter of a Taiwan national id (身分證字號) or resident certificate stands for a two-digit area code.
const TAIWAN_AREA_CODES = 'ABCDEFGHJKLMNPQRSTUVXYWZIO';

/** The check digit of a Taiwan national id or resident certificate: a letter, 1 or 2 (8 or 9 for residents), 8 digits. */
function isValidTaiwanId(id: string): boolean {
  const area = TAIWAN_AREA_CODES.indexOf(id[0]!.toUpperCase()) + 10;
  if (area < 10) return false;
  let sum = Math.floor(area / 10) + (area % 10) * 9;
  for (let i = 1; i < 9; i++) sum += Number(id[i]) * (9 - i);
  return (sum + Number(id[9])) % 10 === 0;
}

interface Candidate {
  kind: SensitiveKind;
  start: number;
  end: number;
  suspected?: true;
}

// Digit runs may be grouped by single spaces or dashes ("6222 0212 3456 7894"); Latin letters or digits right before or
// after mean the run is part of something longer (an order number "DD2024…", a SKU). Han characters around are fine:
// Chinese writes "身份证110101…" with no space.
const DIGIT_RUN = /(?<![A-Za-z0-9])\d(?:[ -]?\d){6,22}(?:[Xx](?![A-Za-z0-9]))?(?![A-Za-z0-9])/gu;
// A Taiwan id: one Latin letter, then 1 or 2 (8 or 9 for a resident certificate) and eight more digits, alone.
const TAIWAN_ID = /(?<![A-Za-z0-9])[A-Za-z][1289]\d{8}(?![A-Za-z0-9])/gu;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const PASSWORD =
  /(?:密码|密碼|口令|password|passcode|pwd)\s*(?:是|为|為|是不是|:|：|=|is)?\s*[:：]?\s*([^\s,，。;；！？'"“”]{3,64})/giu;
// A bare "code" after zip, promo, coupon… is not a one-time code.
const VERIFICATION_CODE =
  /(?:验证码|驗證碼|校验码|校驗碼|动态码|動態碼|verification code|security code|otp|(?<!(?:zip|postal|post|promo|promotion|discount|coupon|voucher|gift|area|country|dialing|error|product|tracking|referral|invite|invitation|style|item|tax)[ -]?)code)\s*(?:是|为|為|:|：|is)?\s*[:：]?\s*(\d{4,8})(?!\d)/giu;
const PHONE_DIGITS = /^(?:\+?86)?1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;
// "(021) 6234 5678", "（0755）83765432": the area code in brackets, which the digit runs above do not start with.
const BRACKETED_LANDLINE = /(?<![\dA-Za-z])[(（]0\d{2,3}[)）] ?\d{3,4}[ -]?\d{4}(?![\dA-Za-z])/g;
const INTERNATIONAL = /^\+\d{8,15}$/;

const NOT_A_CARD_LABEL =
  /(?:订单|訂單|单号|單號|运单|運單|快递|快遞|物流|发票|發票|串号|串號|序列号|序列號|order|tracking|invoice|imei|meid|serial|sku)[^0-9]{0,10}$/i;
// Words that follow "password is" in talk about a password rather than in a password.
const NOT_A_PASSWORD =
  /^(?:reset|incorrect|wrong|again|and|the|was|required|invalid|expired|correct|right|too|not|case|changed|updated|saved|sent|missing|empty|blank|locked|weak|strong|same|different|being|still|now|also|only|needed|mandatory|optional|forgotten|lost)$/i;

// The shape of a PRC resident id (region, a birth date from 1900 to 2099, sequence, check) and of a bank card (UnionPay 62,
// Visa 4, Mastercard 51–55 and 22–27, Amex 34/37, JCB 35, Discover 6011 and 65; 15–19 digits), read when the check digit fails.
const ID_SHAPE = /^[1-8]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]$/;
const CARD_SHAPE = /^(?=\d{15,19}$)(?:62|4|5[1-5]|2[2-7]|3[47]|35|6011|65)/;

/** A digit run shaped like an id or a card whose check digit fails. */
function suspectedKind(raw: string): SensitiveKind | undefined {
  const compact = raw.replace(/[ -]/g, '');
  if (ID_SHAPE.test(compact)) return 'id_card';
  if (CARD_SHAPE.test(compact)) return 'bank_card';
  return undefined;
}

function classifyDigits(raw: string): SensitiveKind | undefined {
  const compact = raw.replace(/[ -]/g, '');
  if (compact.length === 18 && isValidResidentId(compact)) return 'id_card';
  if (/^\d+$/.test(compact)) {
    if (PHONE_DIGITS.test(compact)) return 'phone';
    if (compact.length >= 13 && compact.length <= 19 && isLuhnValid(compact) && /^[3-6]/.test(compact))
      return 'bank_card';
    if (LANDLINE.test(raw.replace(/ /g, ''))) return 'phone';
  }
  return undefined;
}

// Cheap look-ups first: the linter calls this on every keystroke, and most drafts hold none of these.
const PASSWORD_CUE = /密码|密碼|口令|password|passcode|pwd/i;
const CODE_CUE = /码|碼|code|otp/i;

// Chinese input methods type full-width digits and letters (６２２２…, ａｂｃ＠ｑｑ．ｃｏｍ). Folding them one for one keeps every
// offset, so the spans found on the folded copy are spans of the original.
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;
const FULL_WIDTH_ALL = /[\uFF01-\uFF5E\u3000]/g;
function foldFullWidth(text: string): string {
  if (!FULL_WIDTH.test(text)) return text;
  return text.replace(FULL_WIDTH_ALL, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

export function findSensitive(original: string): SensitiveSpan[] {
  const text = foldFullWidth(original);
  const found: Candidate[] = [];
  const hasDigit = /\d/.test(text);
  if (text.includes('@'))
    for (const m of text.matchAll(EMAIL)) found.push({ kind: 'email', start: m.index, end: m.index + m[0].length });
  if (hasDigit)
    for (const m of text.matchAll(DIGIT_RUN)) {
      const raw = m[0];
      const start = m.index;
      // "+86 138…" and "+44 20…": the plus sign belongs to the number.
      if (start > 0 && text[start - 1] === '+') {
        const kind = classifyDigits(raw) ?? (INTERNATIONAL.test('+' + raw.replace(/[ -]/g, '')) ? 'phone' : undefined);
        if (kind === 'phone') {
          found.push({ kind, start: start - 1, end: start + raw.length });
          continue;
        }
      }
      const kind = classifyDigits(raw);
      // Tracking, order and device numbers can pass the Luhn check by chance (IMEIs always do): their label says what they are.
      const labelledOther = NOT_A_CARD_LABEL.test(text.slice(Math.max(0, start - 24), start));
      if (kind === 'bank_card' && labelledOther) continue;
      if (kind) found.push({ kind, start, end: start + raw.length });
      else if (!labelledOther) {
        const suspected = suspectedKind(raw);
        if (suspected) found.push({ kind: suspected, start, end: start + raw.length, suspected: true });
      }
    }
  if (hasDigit)
    for (const m of text.matchAll(TAIWAN_ID)) {
      const candidate: Candidate = { kind: 'id_card', start: m.index, end: m.index + m[0].length };
      if (!isValidTaiwanId(m[0])) candidate.suspected = true;
      found.push(candidate);
    }
  if (hasDigit && text.includes(')'))
    for (const m of text.matchAll(BRACKETED_LANDLINE))
      found.push({ kind: 'phone', start: m.index, end: m.index + m[0].length });
  if (hasDigit && CODE_CUE.test(text))
    for (const m of text.matchAll(VERIFICATION_CODE)) {
      const value = m[1]!;
      const start = m.index + m[0].lastIndexOf(value);
      found.push({ kind: 'verification_code', start, end: start + value.length });
    }
  if (PASSWORD_CUE.test(text))
    for (const m of text.matchAll(PASSWORD)) {
      const value = m[1]!;
      // "密码错误", "密码重置": words after 密码 are not a password; a value has a digit, a Latin letter or a symbol.
      if (!/[\dA-Za-z!@#$%^&*]/.test(value) || NOT_A_PASSWORD.test(value)) continue;
      const start = m.index + m[0].lastIndexOf(value);
      found.push({ kind: 'password', start, end: start + value.length });
    }
  return dropOverlaps(found);
}

// One value, one kind: the earlier, longer span wins (an e-mail's digits are not a phone).
function dropOverlaps(candidates: Candidate[]): SensitiveSpan[] {
  const sorted = [...candidates].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: SensitiveSpan[] = [];
  for (const c of sorted) {
    const last = kept[kept.length - 1];
    if (last && c.start < last.end) continue;
    kept.push(
      c.suspected
        ? { kind: c.kind, start: c.start, end: c.end, suspected: true }
        : { kind: c.kind, start: c.start, end: c.end },
    );
  }
  return kept;
}

// What names an id or a card just before its number: "身份证号 1101…", "卡號：6222…", "card number 4532…".
const KIND_LABELS: Partial<Record<SensitiveKind, RegExp>> = {
  id_card: /(?:身份证|身份證|身分证|身分證|证件号|證件號|id number|id no|national id|id card)[^0-9A-Za-z]{0,12}$/iu,
  bank_card:
    /(?:卡号|卡號|银行卡|銀行卡|信用卡|储蓄卡|儲蓄卡|借记卡|借記卡|card number|card no|card ending|card(?: on file)?)[^0-9A-Za-z]{0,12}$/iu,
};

// "…退到6222 0212 3456 7890这张卡": the card named after its number.
const CARD_AFTER = /^\s?(?:这张卡|這張卡|这张银行卡|這張銀行卡|的卡|的银行卡|的銀行卡|的信用卡)/u;

/**
 * True when the text just before a value names its kind (or, for a card, the words right after it). A number shaped like a card whose check digit fails may be an
 * order number, but one the draft calls a card number is a card number mistyped: repeating it is as careless.
 */
export function isNamedAs(text: string, span: SensitiveSpan): boolean {
  const label = KIND_LABELS[span.kind];
  if (label?.test(foldFullWidth(text.slice(Math.max(0, span.start - 24), span.start)))) return true;
  return span.kind === 'bank_card' && CARD_AFTER.test(text.slice(span.end, span.end + 8));
}

const KEEP_LAST_FOUR: ReadonlySet<SensitiveKind> = new Set(['id_card', 'bank_card', 'phone']);

/** The value with its characters masked: cards, ids and phones keep their last four digits, e-mails their domain. */
export function maskValue(kind: SensitiveKind, value: string): string {
  if (kind === 'email') {
    const at = foldFullWidth(value).indexOf('@');
    return at > 0 ? value[0] + '*'.repeat(Math.max(1, at - 1)) + value.slice(at) : '*'.repeat(value.length);
  }
  if (KEEP_LAST_FOUR.has(kind)) {
    const chars = [...value];
    let digitsLeft = 4;
    for (let i = chars.length - 1; i >= 0; i--) {
      if (!/[\dXx]/.test(foldFullWidth(chars[i]!))) continue;
      if (digitsLeft > 0) digitsLeft--;
      else chars[i] = '*';
    }
    return chars.join('');
  }
  return '*'.repeat(value.length);
}

/** The text with every sensitive span masked. */
export function maskSensitive(text: string, spans: readonly SensitiveSpan[]): string {
  let out = '';
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start < at) continue;
    out += text.slice(at, span.start) + maskValue(span.kind, text.slice(span.start, span.end));
    at = span.end;
  }
  return out + text.slice(at);
}
