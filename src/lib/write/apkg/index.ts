export { buildApkg } from './package.js';
export { NOTETYPES, notetypeName, type Notetype, type NotetypeTemplate } from './notetype.js';
export { stripHtmlPreservingMedia, fieldChecksum } from './note.js';
