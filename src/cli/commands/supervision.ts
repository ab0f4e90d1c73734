export { runSupervision as run } from './organisation.js';
