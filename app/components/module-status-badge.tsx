import type { ModuleStatus } from "~/engine/learning/progress.ts";
import { Badge } from "./ui/layout.tsx";

const LABELS: Record<ModuleStatus["kind"], { text: string; tone?: "success" | "primary" }> = {
  completed: { text: "Completed", tone: "success" },
  "in-progress": { text: "In progress", tone: "primary" },
  updated: { text: "Updated", tone: "primary" },
  new: { text: "New" },
  locked: { text: "Locked" },
};

export function ModuleStatusBadge({ status }: { status: ModuleStatus["kind"] }) {
  const { text, tone } = LABELS[status];
  return <Badge tone={tone}>{text}</Badge>;
}
