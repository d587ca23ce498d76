// Build plugins and chunking of the CDN bundle (root vite.config.ts), also used by the bench's own-code build so
// that it measures the code that ships; the npm build (vite.config.ts here) uses minifyTemplates too. No import
// from 'vite': the root has no Vite of its own.

/** Vite's preload helper with nothing to preload. Vite wraps every dynamic `import()` of an app build in
 * `__vitePreload(() => import(…), deps)` to fetch the chunk's CSS and static imports alongside; the CDN
 * bundle has no CSS files and `modulePreload: false`, so `deps` is always `[]` and the 3.4 KB helper
 * (0.7 KB gzip, in the entry's shared chunk) only forwarded the import. */
export const noPreloadHelper = {
  name: 'chronos:no-preload-helper',
  enforce: 'pre' as const,
  load(id: string) {
    if (id !== '\0vite/preload-helper.js') return null;
    return 'export const __vitePreload = (load) => load();';
  },
};

interface Node {
  type?: string;
  start: number;
  end: number;
  [key: string]: unknown;
}
interface Edit {
  start: number;
  end: number;
  text: string;
}
interface TransformContext {
  parse(code: string, options: { lang: 'ts' }): unknown;
}

/** A css`` template's static text without layout: comments gone, whitespace runs one space, and none around
 * `{ } ; , :` (a space before `:` is kept: `.a :hover` is a descendant), no `;` before `}`. */
export function minifyCss(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}');
}

/** An html``/svg`` template's static text: each run of whitespace holding a line break becomes one space,
 * which renders the same (the templates have no <pre>). */
export function minifyHtml(text: string): string {
  return text.replace(/[ \t]*\n\s*/g, ' ');
}

const minifiers: Record<string, (text: string) => string> = { css: minifyCss, html: minifyHtml, svg: minifyHtml };

/** The edits that minify every css``, html`` and svg`` template's static parts in a module's AST. */
function templateEdits(root: unknown, code: string): Edit[] {
  const edits: Edit[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const node = value as Node;
    if (node.type === 'TaggedTemplateExpression') {
      const tag = node.tag as Node & { name?: string };
      const minify = tag.type === 'Identifier' ? minifiers[tag.name!] : undefined;
      const quasis = (node.quasi as Node & { quasis: (Node & { value: { raw: string } })[] }).quasis;
      for (const quasi of minify ? quasis : []) {
        const raw = quasi.value.raw;
        // A template element's span starts at the ` or } before its raw text (and ends after the ` or ${).
        const start = quasi.start + 1;
        if (code.slice(start, start + raw.length) !== raw) throw new Error(`template text not at ${start}`);
        const text = minify!(raw);
        if (text !== raw) edits.push({ start, end: start + raw.length, text });
      }
    }
    for (const key of Object.keys(node)) if (key !== 'parent') visit(node[key]);
  };
  visit(root);
  return edits.sort((a, b) => a.start - b.start);
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function vlq(value: number): string {
  let rest = value < 0 ? (-value << 1) | 1 : value << 1;
  let out = '';
  do {
    let digit = rest & 31;
    rest >>>= 5;
    if (rest > 0) digit |= 32;
    out += BASE64[digit];
  } while (rest > 0);
  return out;
}

/** `code` with `edits` applied, and a source map pointing each output line start and each edit's end back. */
function applyEdits(code: string, edits: Edit[], id: string): { code: string; map: object } {
  // Original line starts, to turn offsets into line/column.
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);
  const position = (offset: number): [number, number] => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return [low, offset - lineStarts[low]!];
  };
  let out = '';
  const lines: string[] = [];
  let segments: string[] = [];
  let column = 0;
  let previous = { column: 0, line: 0, source: 0 };
  const mark = (original: number): void => {
    const [line, originalColumn] = position(original);
    segments.push(
      vlq(column - previous.column) + vlq(0) + vlq(line - previous.line) + vlq(originalColumn - previous.source),
    );
    previous = { column, line, source: originalColumn };
  };
  /** Copies code[from, to) to the output, marking each new line. */
  const copy = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      if (column === 0 && segments.length === 0) mark(i);
      out += code[i];
      column++;
      if (code[i] === '\n') {
        lines.push(segments.join(','));
        segments = [];
        column = 0;
        previous = { ...previous, column: 0 };
      }
    }
  };
  let at = 0;
  for (const edit of edits) {
    copy(at, edit.start);
    if (segments.length === 0) mark(edit.start);
    out += edit.text;
    column += edit.text.length;
    at = edit.end;
    if (at < code.length) mark(at);
  }
  copy(at, code.length);
  lines.push(segments.join(','));
  return {
    code: out,
    map: { version: 3, sources: [id], sourcesContent: [code], names: [], mappings: lines.join(';') },
  };
}

/** Minifies the static text of Lit's css``, html`` and svg`` templates in our sources: the minifier leaves
 * template literals as written, so their indentation and line breaks (and CSS layout) used to ship. */
export const minifyTemplates = {
  name: 'chronos:minify-templates',
  enforce: 'pre' as const,
  transform(this: TransformContext, code: string, id: string) {
    if (!/\/packages\/(widgets|core)\/src\/.*\.ts$/.test(id) || id.endsWith('.test.ts')) return null;
    if (!/\b(css|html|svg)`/.test(code)) return null;
    const edits = templateEdits(this.parse(code, { lang: 'ts' }), code);
    return edits.length === 0 ? null : applyEdits(code, edits, id);
  },
};

/** Every plugin of the CDN build, in order. */
export const cdnPlugins = [noPreloadHelper, minifyTemplates];

/** Rolldown's `output.codeSplitting` of the CDN build: every module the entry loads statically (tag `$initial`)
 * in one chunks/shared-*.js, so `chronos.js` only re-exports from it. A page loads both anyway, and lazy chunks
 * import what they share with the entry from that chunk, never from the entry (a page may load
 * `chronos.js?v=…`, another URL). One chunk instead of the entry's code in two (entry + shared) is 0.9 KB gzip
 * less before a map is drawn; modules that only lazy chunks share stay lazy (Rolldown's own splitting). */
export const cdnCodeSplitting = { groups: [{ name: 'shared', tags: ['$initial' as const] }] };
