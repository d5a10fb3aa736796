import { z } from "zod";
import { CheckInRatingSchema, type CheckInPerspective, type CheckInRating } from "~/domain/career.ts";
import { prisma } from "~/utils/db.server.ts";
import { jsonColumn } from "~/utils/json-column.ts";

/** Competency key → how the author rated it. */
const RatingsColumn = jsonColumn(z.record(z.string(), CheckInRatingSchema));

export type CheckInView = {
  perspective: CheckInPerspective;
  ratings: Partial<Record<string, CheckInRating>>;
  note: string;
  authorName: string;
  at: Date;
};

/** The agent's own and their lead's latest check-in, either of which may be missing. */
export async function latestCheckIns(agentId: string): Promise<Record<CheckInPerspective, CheckInView | null>> {
  const [self, lead] = await Promise.all(
    (["self", "lead"] as const).map((perspective) =>
      prisma.competencyCheckIn.findFirst({
        where: { agentId, perspective },
        orderBy: { createdAt: "desc" },
        select: { perspective: true, ratings: true, note: true, createdAt: true, author: { select: { name: true } } },
      }),
    ),
  );
  const view = (row: typeof self): CheckInView | null =>
    row && {
      perspective: row.perspective as CheckInPerspective,
      ratings: RatingsColumn.read(row.ratings),
      note: row.note,
      authorName: row.author.name,
      at: row.createdAt,
    };
  return { self: view(self), lead: view(lead) };
}

export async function recordCheckIn(input: {
  agentId: string;
  authorId: string;
  perspective: CheckInPerspective;
  ratings: Record<string, CheckInRating>;
  note: string;
}): Promise<void> {
  await prisma.competencyCheckIn.create({
    data: {
      agentId: input.agentId,
      authorId: input.authorId,
      perspective: input.perspective,
      ratings: RatingsColumn.write(input.ratings),
      note: input.note,
    },
  });
}
