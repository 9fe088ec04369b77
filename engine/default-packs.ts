// The packs shipped with Huashu (data/packs), in their default priority order.
import en from '../data/packs/en.json' with { type: 'json' };
import zhCN from '../data/packs/zh-CN.json' with { type: 'json' };
import zhTW from '../data/packs/zh-TW.json' with { type: 'json' };
import type { Pack } from './types.ts';

/** Built-in packs: English first, so a Chinese pack's replies win where both have a scenario. */
export const DEFAULT_PACKS: readonly Pack[] = [en as Pack, zhTW as Pack, zhCN as Pack];
