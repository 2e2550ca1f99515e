export { buildApkg } from './package.js';
export { stripHtmlPreservingMedia, fieldChecksum } from './note.js';
