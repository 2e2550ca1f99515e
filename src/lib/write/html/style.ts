/**
 * The preview page's own look, around the cards. The cards themselves are
 * styled by the note types' CSS only (write/anki/style.ts), scoped to each card
 * side in page.ts so neither stylesheet touches the other.
 */
export const PAGE_CSS = `:root {
  color-scheme: light;
  --pg-bg: #f3f4f6;
  --pg-surface: #ffffff;
  --pg-fg: #1f2328;
  --pg-muted: #59636e;
  --pg-border: #d1d9e0;
  --pg-accent: #0969da;
  --pg-error: #cf222e;
  --pg-error-bg: #ffebe9;
  --pg-warning: #9a6700;
  --pg-warning-bg: #fff8c5;
  --pg-info: #0969da;
  --pg-info-bg: #ddf4ff;
  --pg-tag-bg: #eef1f4;
  --pg-flash: #fff8c5;
}

:root.dg-night {
  color-scheme: dark;
  --pg-bg: #0d1117;
  --pg-surface: #161b22;
  --pg-fg: #e6edf3;
  --pg-muted: #9198a1;
  --pg-border: #3d444d;
  --pg-accent: #4493f8;
  --pg-error: #ff7b72;
  --pg-error-bg: #3c1618;
  --pg-warning: #e3b341;
  --pg-warning-bg: #3a2d0c;
  --pg-info: #79c0ff;
  --pg-info-bg: #0c2d4a;
  --pg-tag-bg: #262c36;
  --pg-flash: #3a2d0c;
}

* { box-sizing: border-box; }

body {
  margin: 0;
  background: var(--pg-bg);
  color: var(--pg-fg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans KR",
    "Noto Sans CJK KR", NanumGothic, Roboto, sans-serif;
}

.dg-bar {
  position: sticky;
  top: 0;
  z-index: 10;
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 0.5em 0.75em;
  padding: 0.6em 1.25em;
  background: var(--pg-surface);
  border-bottom: 1px solid var(--pg-border);
}

.dg-bar h1 {
  font-size: 1.05em;
  margin: 0 0.5em 0 0;
  white-space: nowrap;
}

.dg-bar h1 small {
  font-weight: normal;
  color: var(--pg-muted);
}

.dg-bar input[type="search"] {
  flex: 1 1 16em;
  min-width: 10em;
  max-width: 32em;
}

.dg-bar input, .dg-bar select, .dg-bar button {
  font: inherit;
  color: inherit;
  background: var(--pg-bg);
  border: 1px solid var(--pg-border);
  border-radius: 6px;
  padding: 0.3em 0.6em;
}

.dg-bar select { max-width: 18em; }
.dg-bar button { cursor: pointer; }
.dg-bar label { white-space: nowrap; color: var(--pg-muted); }
.dg-bar input[type="checkbox"] { vertical-align: -0.1em; }

.dg-live { font-size: 0.8em; font-weight: 600; color: #1a7f37; margin-left: auto; }
.dg-live::before { content: "● "; }
.dg-live.dg-off { color: var(--pg-muted); }
.dg-live + #dg-count { margin-left: 0; }
.dg-failure { max-width: 1320px; margin: 0 auto; padding: 0 1.25em; }

#dg-count {
  color: var(--pg-muted);
  font-size: 0.9em;
  margin-left: auto;
}

#dg-problems, #dg-cards {
  max-width: 1320px;
  margin: 0 auto;
  padding: 0 1.25em;
}

.dg-summary { margin: 1em 0 0.5em; color: var(--pg-muted); }
.dg-summary .dg-error, .dg-summary .dg-warning { font-weight: 600; }

.dg-problem-list, .dg-card-problems {
  list-style: none;
  margin: 0.4em 0;
  padding: 0;
}

.dg-problem {
  display: flex;
  flex-wrap: wrap;
  gap: 0 0.6em;
  align-items: baseline;
  margin: 0.25em 0;
  padding: 0.3em 0.7em;
  border-radius: 6px;
  border-left: 4px solid var(--pg-info);
  background: var(--pg-info-bg);
}

.dg-problem.dg-error { border-left-color: var(--pg-error); background: var(--pg-error-bg); }
.dg-problem.dg-warning { border-left-color: var(--pg-warning); background: var(--pg-warning-bg); }
.dg-severity { font-weight: 600; text-transform: uppercase; font-size: 0.75em; letter-spacing: 0.04em; }
.dg-error > .dg-severity, .dg-summary .dg-error { color: var(--pg-error); }
.dg-warning > .dg-severity, .dg-summary .dg-warning { color: var(--pg-warning); }
.dg-info > .dg-severity { color: var(--pg-info); }
.dg-rule, .dg-place { color: var(--pg-muted); font-size: 0.85em; }
.dg-rule { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.dg-to-card { margin-left: auto; color: var(--pg-accent); font-size: 0.9em; }

.dg-loose > summary { cursor: pointer; color: var(--pg-muted); margin: 0.3em 0; }

.dg-deck-heading {
  font-size: 1.1em;
  margin: 1.6em 0 0.6em;
  padding-bottom: 0.3em;
  border-bottom: 1px solid var(--pg-border);
  overflow-wrap: anywhere;
}

.dg-deck-count {
  margin-left: 0.6em;
  font-weight: normal;
  font-size: 0.85em;
  color: var(--pg-muted);
}

.dg-card {
  margin: 0 0 1em;
  padding: 0.6em 0.9em 0.8em;
  background: var(--pg-surface);
  border: 1px solid var(--pg-border);
  border-left: 4px solid var(--pg-border);
  border-radius: 8px;
  scroll-margin-top: 5em;
}

.dg-card.dg-has-error { border-left-color: var(--pg-error); }
.dg-card.dg-has-warning { border-left-color: var(--pg-warning); }
.dg-card.dg-has-info { border-left-color: var(--pg-info); }
.dg-card.dg-flash { animation: dg-flash 1.5s ease-out; }
@keyframes dg-flash { from { background: var(--pg-flash); } }

.dg-meta {
  display: flex;
  flex-wrap: wrap;
  gap: 0.2em 0.7em;
  align-items: baseline;
  font-size: 0.82em;
  color: var(--pg-muted);
  margin-bottom: 0.5em;
}

.dg-where { font-weight: 600; color: var(--pg-fg); overflow-wrap: anywhere; }
.dg-source { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.dg-tag { background: var(--pg-tag-bg); border-radius: 4px; padding: 0 0.4em; overflow-wrap: anywhere; }
.dg-badge { border-radius: 4px; padding: 0 0.45em; font-weight: 600; }
.dg-badge.dg-error { color: var(--pg-error); background: var(--pg-error-bg); }
.dg-badge.dg-warning { color: var(--pg-warning); background: var(--pg-warning-bg); }
.dg-badge.dg-info { color: var(--pg-info); background: var(--pg-info-bg); }

.dg-sides {
  display: grid;
  grid-template-columns: repeat(auto-fit, minmax(min(100%, 24em), 1fr));
  gap: 0.8em;
}

.dg-side { min-width: 0; }

.dg-label {
  font-size: 0.72em;
  text-transform: uppercase;
  letter-spacing: 0.06em;
  color: var(--pg-muted);
  margin-bottom: 0.2em;
}

.dg-face {
  border: 1px solid var(--pg-border);
  border-radius: 6px;
  overflow: hidden;
}

.dg-face > .card { margin: 0; max-width: none; padding: 0.7em 1em; min-height: 100%; }

@media (max-width: 600px) {
  .dg-bar { position: static; }
}

.dg-empty { color: var(--pg-muted); margin: 2em 0; text-align: center; }
.dg-sentinel { height: 1px; }
`;
