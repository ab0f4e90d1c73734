// Worker entry when Sanctum runs from its TypeScript sources (tests, development): register tsx
// in this thread, then load the real entry. The built server loads worker.tasks.js directly.
import { register } from 'tsx/esm/api';

register();
const entry = await import(new URL('./worker.tasks.ts', import.meta.url).href);
export default entry.default;
