// Where a person stands with a learning module, as the catalogue and progress pages name it.
export const MODULE_STATUSES = ["locked", "new", "in-progress", "completed", "updated"] as const;
export type ModuleStatusKind = (typeof MODULE_STATUSES)[number];

export const MODULE_STATUS_LABELS: Record<ModuleStatusKind, string> = {
  completed: "Completed",
  "in-progress": "In progress",
  updated: "Updated",
  new: "New",
  locked: "Locked",
};
