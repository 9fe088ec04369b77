// A worker thread of `huashu audit --jobs N`: builds its own engine once, then analyzes batches of messages.
import { parentPort, workerData } from 'node:worker_threads';
import { DEFAULT_PACKS } from '../../engine/default-packs.ts';
import type { Pack } from '../../engine/index.ts';
import { createAnalyzer } from './analyze.ts';
import type { WorkerBatch, WorkerReply } from './pool.ts';

const { packs } = workerData as { packs: Pack[] | undefined };
const analyze = createAnalyzer(packs ?? DEFAULT_PACKS);
// Building the engine is most of a small run; the pool hears when it is done (the benchmark times the rest apart).
parentPort!.postMessage({ ready: true });

parentPort!.on('message', (batch: WorkerBatch) => {
  const results = batch.roles.map((role, index) => analyze(role, batch.texts[index]!));
  parentPort!.postMessage({ id: batch.id, results } satisfies WorkerReply);
});
