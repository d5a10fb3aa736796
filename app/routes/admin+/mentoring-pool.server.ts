// Whole-pool mentor matching for admins: the optimiser's best choice, the admin's adjusted choice
// scored against the pool as it is now, and publishing that choice. Nothing is stored until it is
// published, so every reply carries the preview the page shows.
import { parseWithZod } from "@conform-to/zod";
import { data } from "@remix-run/node";
import type { TFunction } from "i18next";
import { z } from "zod";
import type { PoolPreview } from "~/components/mentoring/pool-preview.tsx";
import { getMentoringContent } from "~/content/mentoring.server.ts";
import { LEVEL_LABELS } from "~/domain/people.ts";
import { scorePoolChoice } from "~/engine/matching/rules.ts";
import { fixedT } from "~/i18n/i18next.server.ts";
import { DEFAULT_LOCALE, isLocale } from "~/i18n/locales.ts";
import { message } from "~/i18n/message.ts";
import { loadMatchingPool, optimiseOpenPool, type MatchingPool } from "~/models/matching-pool.server.ts";
import { publishPool } from "~/models/pairing.server.ts";
import type { SessionUser } from "~/utils/auth.server.ts";
import { handleIntent, invalid, redirectWithNotice, refused } from "~/utils/forms.server.ts";

/** Far more than any real pool; stops a tampered form from making the server score millions of rows. */
const MAX_CHOICES = 5000;

const ChoiceSchema = z.object({
  step: z.enum(["preview", "publish"]),
  choices: z
    .array(
      z.object({
        menteeId: z.string({ required_error: message("mentoring:pool.validation.lostMentee") }).max(64),
        // "No mentor this round" submits an empty value.
        mentorId: z
          .string()
          .max(64)
          .optional()
          .transform((value) => value ?? null),
      }),
      { required_error: message("mentoring:pool.validation.optimiseFirst") },
    )
    .min(1, message("mentoring:pool.validation.optimiseFirst"))
    .max(MAX_CHOICES, message("mentoring:pool.validation.tooManyRows")),
});

type Choice = z.output<typeof ChoiceSchema>["choices"][number];

/** The choice scored against the current pool, as the preview table shows it. */
function previewOf(pool: MatchingPool, choices: Choice[], now: Date, t: TFunction): PoolPreview {
  const names = new Map([...pool.mentees, ...pool.mentors].map((person) => [person.id, person.name ?? ""]));
  const rows = scorePoolChoice(pool, choices, now, pool.competencyName).map((entry) => ({
    menteeId: entry.menteeId,
    mentee: names.get(entry.menteeId) ?? t("mentoring:pool.noLongerWaiting"),
    mentorId: entry.mentorId,
    score: entry.score && !entry.problem ? { total: entry.score.total, parts: entry.score.parts } : null,
    problem: entry.problem,
  }));
  const total = rows.reduce((sum, row) => sum + (row.score?.total ?? 0), 0);
  return {
    rows,
    total: Math.round(total * 100) / 100,
    pairs: rows.filter((row) => row.score).length,
    problems: rows.filter((row) => row.problem).length,
    unmatched: rows.filter((row) => !row.mentorId).map((row) => row.mentee),
    mentors: pool.mentors
      .map((mentor) => ({
        value: mentor.id,
        label: t("mentoring:pool.mentorOption", {
          name: mentor.name ?? "",
          level: t(LEVEL_LABELS[mentor.level]),
          free: mentor.capacity - mentor.activeMentees,
          capacity: mentor.capacity,
        }),
      }))
      .sort((a, b) => a.label.localeCompare(b.label)),
  };
}

export async function handlePoolAction(admin: SessionUser, formData: FormData) {
  const t = await fixedT(isLocale(admin.locale) ? admin.locale : DEFAULT_LOCALE, "mentoring");
  const { measure } = await getMentoringContent();
  const now = new Date();
  return handleIntent(formData, {
    optimise: async () => {
      const { pool, result } = await optimiseOpenPool(measure, now);
      const mentorOf = new Map(result.pairs.map((pair) => [pair.menteeId, pair.mentorId]));
      const choices = [...pool.mentees]
        .sort((a, b) => (a.name ?? "").localeCompare(b.name ?? ""))
        .map((mentee) => ({ menteeId: mentee.id, mentorId: mentorOf.get(mentee.id) ?? null }));
      return { preview: previewOf(pool, choices, now, t) };
    },
    choice: async () => {
      const submission = parseWithZod(formData, { schema: ChoiceSchema });
      if (submission.status !== "success") return invalid("choice", submission);
      const { step, choices } = submission.value;
      if (step === "publish") {
        const published = await publishPool(admin, choices, measure, now);
        if (published.status === "ok") return redirectWithNotice("/admin/mentoring", "pool-published", published.published);
        // The refusal keeps the preview on the page, re-scored, so the rows that need a change show why.
        const { data: reply, init } = refused("choice", message("mentoring:pool.notPublished", { reason: published.reason }), submission);
        const pool = await loadMatchingPool(measure, { unpairedOnly: true });
        return data({ ...reply, preview: previewOf(pool, choices, now, t) }, init ?? undefined);
      }
      const pool = await loadMatchingPool(measure, { unpairedOnly: true });
      return { preview: previewOf(pool, choices, now, t) };
    },
  });
}
