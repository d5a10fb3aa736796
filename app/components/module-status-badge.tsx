import { useTranslation } from "react-i18next";
import { MODULE_STATUS_LABELS, type ModuleStatusKind } from "~/domain/learning.ts";
import type { ModuleStatus } from "~/engine/learning/progress.ts";
import { Badge } from "./ui/layout.tsx";

const TONES: Record<ModuleStatusKind, "success" | "primary" | undefined> = {
  completed: "success",
  "in-progress": "primary",
  updated: "primary",
  new: undefined,
  locked: undefined,
};

export function ModuleStatusBadge({ status }: { status: ModuleStatus["kind"] }) {
  const { t } = useTranslation();
  return <Badge tone={TONES[status]}>{t(MODULE_STATUS_LABELS[status])}</Badge>;
}
