// The worker module when deckgen runs from its TypeScript sources (tests, tsx): a worker thread does not
// inherit the main thread's loader, so it registers tsx itself before importing worker.ts.
import { register } from 'tsx/esm/api';

register();
const { default: inWorker } = await import('./worker.ts');
export default inWorker;
