/**
 * deckgen as a library: the whole build, or its stages one by one (each a
 * function from data to data, in pipeline order).
 */
export { build, DEFAULT_FORMATS, LOCK_FILE_NAME, OUTPUT_FORMATS, type BuildOptions, type BuildReport, type OutputFormat } from './build.js';
export type { Diagnostic, Severity } from './diagnostic.js';
export * from './model.js';
export { findNoteFiles, readNoteFile } from './read/index.js';
export { parseFile, type ParsedFile } from './parse/index.js';
export { compileFile, type CompiledFile, type CompileOptions } from './compile/index.js';
export { extractNotes, type ExtractOptions } from './extract/index.js';
export { findOsr } from './read/osr.js';
export { OSR_DEFAULTS, type OsrMode, type OsrSettings } from './osr.js';
export { validateFile, validateNotes, validateRendered } from './validate/index.js';
export { renderNote, type RenderOptions } from './render/index.js';
export { identify, readLock, serializeLock, type ChangePlan, type LockFile } from './identify/index.js';
export { NOTETYPES } from './write/anki/notetype.js';
export { buildApkg } from './write/apkg/index.js';
export { buildCsv } from './write/csv/index.js';
export { buildHtml, type PreviewInput } from './write/html/index.js';
export { buildTsv, type TsvOptions } from './write/tsv/index.js';
export { WRITERS, type WriteOptions, type Writer } from './write/index.js';
export { formatDiagnostic, formatSummary, toJson } from './report.js';
export { removedNotes, type RemovedOptions, type RemovedReport } from './removed.js';
