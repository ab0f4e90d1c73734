export { runCover as run } from './organisation.js';
