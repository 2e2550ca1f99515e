/**
 * The `col.models` entry of each deckgen note type (the note types themselves:
 * write/anki/notetype.ts).
 */
import type { NoteKind } from '../../model.js';
import { NOTETYPES, SORT_FIELD, TEMPLATE_REVISIONS } from '../anki/notetype.js';
import { CARD_CSS } from '../anki/style.js';

// Anki's defaults (rslib/src/notetype/header.tex), as genanki writes them.
const LATEX_PRE =
  '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n' +
  '\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n';
const LATEX_POST = '\\end{document}';

/**
 * The `col.models` entry, shaped like genanki's `Model.to_json` (keys in its
 * order). No field/template `id`s: Anki then compares names, which never change.
 */
export function notetypeJson(kind: NoteKind): Record<string, unknown> {
  const nt = NOTETYPES[kind];
  return {
    css: CARD_CSS,
    did: null,
    flds: nt.fields.map((name, ord) => ({
      name,
      ord,
      font: 'Arial',
      media: [],
      rtl: false,
      size: 20,
      sticky: false,
    })),
    id: nt.id,
    latexPost: LATEX_POST,
    latexPre: LATEX_PRE,
    latexsvg: false,
    mod: TEMPLATE_REVISIONS[kind].mod,
    name: nt.name,
    req: nt.req,
    sortf: SORT_FIELD,
    tags: [],
    tmpls: nt.templates.map((t, ord) => ({
      name: t.name,
      ord,
      qfmt: t.qfmt,
      afmt: t.afmt,
      bafmt: '',
      bqfmt: '',
      bfont: '',
      bsize: 0,
      did: null,
    })),
    type: nt.type,
    usn: -1,
    vers: [],
  };
}
