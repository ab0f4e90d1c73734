export { runBreakGlass as run } from './organisation.js';
