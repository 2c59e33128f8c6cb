// Entry point of the overlap engine's worker threads: registers tsx in this
// thread (workers do not inherit the parent's loader hooks), then loads the
// TypeScript worker. Works the same under the CLI, vitest and benchmarks.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
