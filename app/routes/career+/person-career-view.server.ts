// What a lead or admin sees on someone else's career page: their readiness, the check-ins side by
// side, the levels they can be nominated for and every nomination so far.
import type { NominationHistoryEntry } from "~/components/career/nominations.tsx";
import type { Option } from "~/components/ui/field.tsx";
import type { NominationStatus } from "~/domain/career.ts";
import { LEVEL_LABELS, type Level } from "~/domain/people.ts";
import { nominationLevels } from "~/engine/career/evaluate.ts";
import type { LoadedCareerOf } from "~/models/career-view.server.ts";
import { listNominationsFor } from "~/models/nomination.server.ts";

export async function personCareerView({ record, content, readiness, checkInTable, checkIns }: LoadedCareerOf, userId: string) {
  const nominations = await listNominationsFor([userId]);
  return {
    person: { id: userId, name: record.name, teamName: record.teamName, active: record.active },
    readiness,
    checkIns: checkInTable,
    competencies: content.gradedCompetencies,
    previousRatings: checkIns.lead?.ratings ?? {},
    levelOptions: nominationLevels(record.evidence.currentLevel.key, content.ladder).map((level): Option => ({
      value: level.key,
      label: level.title,
    })),
    pending: record.pendingNomination ? LEVEL_LABELS[record.pendingNomination.level] : null,
    nominations: nominations.map((nomination): NominationHistoryEntry => ({
      id: nomination.id,
      level: LEVEL_LABELS[nomination.level as Level],
      status: nomination.status as NominationStatus,
      justification: nomination.justification,
      nominatedBy: nomination.nominatedBy.name,
      at: nomination.createdAt.toISOString(),
      decidedBy: nomination.decidedBy?.name ?? null,
      decidedAt: nomination.decidedAt?.toISOString() ?? null,
      reason: nomination.decisionNote,
    })),
  };
}
