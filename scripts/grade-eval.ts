// `npm run grade:eval`: agreement of the grader with hand-labelled replies,
// per empathy criterion: macro-F1, Cohen's kappa, accuracy and the confusion matrix, for the
// dev part and the held-out part separately.
import { EMPATHY_CRITERIA, evaluateEmpathy, readChineseLabelled, readLabelled, type LabelledItem } from "./lib/empathy-eval.ts";

for (const [language, items] of [
  ["English", readLabelled()],
  ["Chinese (zh-Hant and zh-Hans)", readChineseLabelled()],
] as [string, LabelledItem[]][]) {
  if (items.length === 0) continue;
  await printReport(language, items);
}

async function printReport(language: string, items: LabelledItem[]) {
  const report = await evaluateEmpathy(items);
  console.log(
    `${language} labelled replies: ${items.length} (dev ${items.filter((item) => item.split === "dev").length}, held-out ${items.filter((item) => item.split === "held-out").length})\n`,
  );
  for (const id of EMPATHY_CRITERIA) {
    console.log(id);
    for (const [name, result] of [
      ["dev", report[id].dev],
      ["held-out", report[id].heldOut],
    ] as const) {
      console.log(
        `  ${name.padEnd(9)} macro-F1 ${result.macroF1.toFixed(3)}  kappa ${result.kappa.toFixed(3)}  accuracy ${result.accuracy.toFixed(3)}  (n=${result.count})`,
      );
      console.log("             grader→   0    1    2");
      result.confusion.forEach((row, level) => console.log(`    human ${level}       ${row.map((n) => String(n).padStart(4)).join(" ")}`));
    }
    console.log("");
  }
}
