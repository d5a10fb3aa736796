// `tsx scripts/segmentation-eval.ts GOLD_FILE...`: word-segmentation accuracy and
// speed of the two candidates for the Chinese language layer (ADR 014), on gold
// files with one sentence per line and words separated by spaces (the SIGHAN
// 2005 bakeoff's gold/*.utf8 are in this format). Scores words by their
// character spans: precision, recall and F1, as the bakeoff's own scorer does.
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict";

type Segmenter = { name: string; cut: (text: string) => string[] };

const intl = new Intl.Segmenter("zh", { granularity: "word" });
const jieba = Jieba.withDict(dict);
const SEGMENTERS: Segmenter[] = [
  { name: "Intl.Segmenter (ICU)", cut: (text) => Array.from(intl.segment(text), (part) => part.segment) },
  { name: "@node-rs/jieba (default dictionary, HMM off)", cut: (text) => jieba.cut(text, false) },
  { name: "@node-rs/jieba (default dictionary, HMM on)", cut: (text) => jieba.cut(text, true) },
];

function spans(words: string[]): Set<string> {
  const out = new Set<string>();
  let at = 0;
  for (const word of words) {
    const trimmed = word.trim();
    if (trimmed) out.add(`${at}:${at + trimmed.length}`);
    at += trimmed.length;
  }
  return out;
}

for (const file of process.argv.slice(2)) {
  const lines = fs
    .readFileSync(file, "utf8")
    .split(/\r?\n/)
    .map((line) => line.trim().split(/\s+/).filter(Boolean))
    .filter((words) => words.length > 0);
  const characters = lines.reduce((sum, words) => sum + words.join("").length, 0);
  console.log(`\n${file}: ${lines.length} sentences, ${characters} characters`);
  for (const segmenter of SEGMENTERS) {
    let correct = 0;
    let predicted = 0;
    let gold = 0;
    const started = performance.now();
    const outputs = lines.map((words) => segmenter.cut(words.join("")));
    const seconds = (performance.now() - started) / 1000;
    outputs.forEach((output, index) => {
      const truth = spans(lines[index]);
      const guess = spans(output.filter((word) => word.trim()));
      gold += truth.size;
      predicted += guess.size;
      for (const span of guess) if (truth.has(span)) correct += 1;
    });
    const precision = correct / predicted;
    const recall = correct / gold;
    const f1 = (2 * precision * recall) / (precision + recall);
    console.log(
      `  ${segmenter.name.padEnd(46)} P ${precision.toFixed(3)}  R ${recall.toFixed(3)}  F1 ${f1.toFixed(3)}  ${Math.round(characters / seconds).toLocaleString("en")} chars/s`,
    );
  }
}
