// Every link of the README and of docs/ must lead somewhere from wherever it
// is read: on npm, on JSR, in the repository, or from the tarball. There is no
// repository field (and no public repository), so a relative link would be
// dead on npm; the docs are linked on unpkg, at this version, and must be in
// the tarball the other packed tests check.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ROOT, TARBALL_DIR } from './paths.ts';

/** The hosts a link may lead to: the package's files on unpkg, and the two projects it builds on. */
const HOSTS = ['unpkg.com', 'valibot.dev', 'standardschema.dev'];

const { name, version } = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'));
const packed: { files: { path: string }[] } = JSON.parse(readFileSync(`${TARBALL_DIR}pack.json`, 'utf8'));
const shipped = new Set(packed.files.map((file) => file.path));
const documents = ['README.md', ...readdirSync(`${ROOT}docs`).map((file) => `docs/${file}`)];

/** A Markdown document without its fenced code blocks. */
function withoutBlocks(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '');
}

/** The text of a Markdown document without its code blocks and code spans, where nothing is a link. */
function prose(markdown: string): string {
  return withoutBlocks(markdown).replace(/`[^`\n]*`/g, '');
}

/** Every link target in a document: inline links and images, reference definitions, autolinks and bare URLs. */
function linksOf(markdown: string): string[] {
  const text = prose(markdown);
  const inline = [...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => match[1]!);
  const references = [...text.matchAll(/^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((match) => match[1]!);
  const auto = [...text.matchAll(/<((?:https?|mailto|ftp):[^>\s]+)>/g)].map((match) => match[1]!);
  const withoutLinks = text.replace(/\]\([^)]*\)/g, '](').replace(/<[^>\s]+>/g, '');
  const bare = [...withoutLinks.matchAll(/\b(?:https?:\/\/|www\.)[^\s<)]+/g)].map((match) => match[0]);
  return [...inline, ...references, ...auto, ...bare];
}

/** The anchors of a document's headings, as GitHub, npm and JSR make them. */
function anchorsOf(markdown: string): string[] {
  return [...withoutBlocks(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)].map((match) =>
    match[1]!
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, '')
      .replace(/ /g, '-'),
  );
}

/** Why a link from `document` leads nowhere, or `undefined` when it leads somewhere. */
function deadEnd(document: string, markdown: string, link: string): string | undefined {
  if (link.startsWith('#')) return anchorsOf(markdown).includes(link.slice(1)) ? undefined : 'no heading has this anchor';
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return `a relative link: dead on npm, where ${document} has no repository to be relative to`;
  }
  if (url.protocol !== 'https:') return 'not https';
  if (!HOSTS.includes(url.hostname)) return `not one of the hosts ${HOSTS.join(', ')}`;
  if (url.hostname === 'unpkg.com') {
    const file = new RegExp(`^/${name}@${version.replace(/\./g, '\\.')}/(.+)$`).exec(url.pathname)?.[1];
    if (file === undefined) return `not a file of ${name}@${version}`;
    if (!shipped.has(file)) return `${file} is not in the tarball`;
  }
  return undefined;
}

describe.each(documents)('the links of %s', (document) => {
  const markdown = readFileSync(`${ROOT}${document}`, 'utf8');

  test('all lead somewhere from npm, JSR, the repository and the tarball', () => {
    const dead = linksOf(markdown)
      .map((link) => [link, deadEnd(document, markdown, link)])
      .filter(([, why]) => why !== undefined);
    expect(dead).toEqual([]);
  });
});

describe('the link check', () => {
  test('finds the links of every kind, and tells dead ones', () => {
    const sample = [
      '# Title',
      '## Two words, and `code`',
      '[a](https://valibot.dev) ![b](https://unpkg.com/x.png "t") <https://example.com/auto> see www.example.org.',
      '[c]: ./docs/guarantees.md',
      '`https://json-schema.org/in-code` [d](#two-words-and-code) [e](#nowhere)',
      '```ts',
      "const url = 'https://example.com/in-a-block';",
      '```',
    ].join('\n');
    const links = linksOf(sample);
    expect(links.sort()).toEqual(
      ['#nowhere', '#two-words-and-code', './docs/guarantees.md', 'https://example.com/auto', 'https://unpkg.com/x.png', 'https://valibot.dev', 'www.example.org.'].sort(),
    );
    expect(Object.fromEntries(links.map((link) => [link, deadEnd('sample.md', sample, link) !== undefined]))).toEqual({
      'https://valibot.dev': false,
      '#two-words-and-code': false,
      'https://unpkg.com/x.png': true,
      'https://example.com/auto': true,
      'www.example.org.': true,
      './docs/guarantees.md': true,
      '#nowhere': true,
    });
    expect(deadEnd('README.md', '', `https://unpkg.com/${name}@${version}/docs/guarantees.md`)).toBeUndefined();
    expect(deadEnd('README.md', '', `https://unpkg.com/${name}@0.0.1/docs/guarantees.md`)).toBe(`not a file of ${name}@${version}`);
    expect(deadEnd('README.md', '', `https://unpkg.com/${name}@${version}/examples/deno/main.ts`)).toBe('examples/deno/main.ts is not in the tarball');
  });

  test('finds the README links, and the README links every doc the tarball ships', () => {
    const links = linksOf(readFileSync(`${ROOT}README.md`, 'utf8'));
    expect(links).toEqual(expect.arrayContaining(['https://valibot.dev', 'https://standardschema.dev']));
    const docs = [...shipped].filter((file) => file.startsWith('docs/')).sort();
    expect(docs.length).toBeGreaterThanOrEqual(5);
    expect(docs).toEqual(documents.filter((document) => document.startsWith('docs/')).sort());
    for (const doc of docs) expect(links).toContain(`https://unpkg.com/${name}@${version}/${doc}`);
  });
});
