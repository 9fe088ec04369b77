// A linear model's weights as plain data for extension storage: what the background trains once and every tab reads back.

/**
 * A table of weights, one row per feature and one column per category, as JSON: its features joined by newlines (no
 * feature holds one), its weights as 16-bit integers in base64, times `unit`. 16 bits keep a weight within 1/32 767 of
 * the largest: readings move in the fifth decimal, far under any threshold's meaning.
 */
export interface WeightTableData {
  format: 1;
  categories: string[];
  features: string;
  weights: string;
  unit: number;
  bias: number[];
}

/** A weight table as a reader uses it: each feature's row number, the rows in one array, a bias per category. */
export interface WeightTable {
  categories: readonly string[];
  featureIndex: ReadonlyMap<string, number>;
  weights: Float32Array;
  bias: Float32Array;
}

/** The table as plain data; `featureIndex` numbers the features 0…n-1 in insertion order, as the rows of `weights`. */
export function weightTableData(table: {
  categories: readonly string[];
  featureIndex: ReadonlyMap<string, number>;
  weights: ArrayLike<number>;
  bias: ArrayLike<number>;
}): WeightTableData {
  const { categories, featureIndex, weights, bias } = table;
  let largest = 0;
  for (let i = 0; i < weights.length; i++) largest = Math.max(largest, Math.abs(weights[i]!));
  const unit = largest > 0 ? largest / 32_767 : 1;
  // Little-endian whatever the platform, byte by byte.
  const bytes = new Uint8Array(weights.length * 2);
  for (let i = 0; i < weights.length; i++) {
    const q = Math.round(weights[i]! / unit) & 0xffff;
    bytes[2 * i] = q & 0xff;
    bytes[2 * i + 1] = q >> 8;
  }
  return {
    format: 1,
    categories: [...categories],
    features: [...featureIndex.keys()].join('\n'),
    weights: bytesToBase64(bytes),
    unit,
    bias: Array.from(bias),
  };
}

/** How many features are read back between two pauses of `weightTableSteps`. */
const FEATURES_PER_STEP = 4096;

/**
 * True when the data has the shape weightTableData gives (format, categories, biases, a weight for each feature and
 * category, by the length of its base64): checked at once, without decoding, so a damaged item is refused before any work.
 */
export function isWeightTableData(data: WeightTableData): boolean {
  if (data?.format !== 1 || !Array.isArray(data.categories) || typeof data.features !== 'string') return false;
  if (!Array.isArray(data.bias) || data.bias.length !== data.categories.length) return false;
  if (!Number.isFinite(data.unit) || typeof data.weights !== 'string') return false;
  let features = data.features === '' ? 0 : 1;
  for (let i = data.features.indexOf('\n'); i >= 0; i = data.features.indexOf('\n', i + 1)) features++;
  const bytes = features * data.categories.length * 2;
  return data.weights.length === 4 * Math.ceil(bytes / 3);
}

/**
 * The table kept by weightTableData, read back a step at a time (a page reads it in slices of its idle time, as it
 * would train); undefined when the data is not one (another format, a damaged storage item): the caller trains instead.
 */
export function* weightTableSteps(data: WeightTableData): Generator<void, WeightTable | undefined> {
  if (!isWeightTableData(data)) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(data.weights);
  } catch {
    return undefined;
  }
  yield;
  const features = data.features === '' ? [] : data.features.split('\n');
  const categoryCount = data.categories.length;
  if (bytes.length !== features.length * categoryCount * 2) return undefined;
  const weights = new Float32Array(bytes.length / 2);
  const featureIndex = new Map<string, number>();
  for (let f = 0; f < features.length; f++) {
    if (f % FEATURES_PER_STEP === FEATURES_PER_STEP - 1) yield;
    featureIndex.set(features[f]!, f);
    for (let i = f * categoryCount; i < (f + 1) * categoryCount; i++)
      weights[i] = (((bytes[2 * i + 1]! << 24) >> 16) | bytes[2 * i]!) * data.unit;
  }
  return { categories: data.categories, featureIndex, weights, bias: Float32Array.from(data.bias) };
}

// btoa and atob take strings of bytes: built in chunks, as a spread of a million bytes overflows the call stack.
function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
