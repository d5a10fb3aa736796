// `npm run conversations:expire` deletes imported conversations past the organisation's retention period
// (Admin → Real conversations), recording the deletion in the audit log. Run it daily from cron or a
// systemd timer; imports and saving the setting also run it.
import { expireImportedConversations, getImportSettings } from "../app/models/real-conversation.server.ts";
import { prisma } from "../app/utils/db.server.ts";
import { readEnvOrExit } from "../app/utils/env.server.ts";

readEnvOrExit();
const { retentionDays } = await getImportSettings();
const { deleted } = await expireImportedConversations();
console.log(
  retentionDays === null
    ? "No retention period is set: imported conversations are kept."
    : `Deleted ${deleted} imported conversation${deleted === 1 ? "" : "s"} older than ${retentionDays} days.`,
);
await prisma.$disconnect();
