import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/ui/data-table.tsx";
import { FIT_CHECK_LABELS, type FitCheck, type PairingStatus } from "~/domain/mentoring.ts";
import { useFormat } from "~/i18n/use-format.ts";
import type { PairingView } from "~/models/pairing.server.ts";
import { PairingStatusBadge } from "./pairing-status-badge.tsx";

/** A pairing as the pairing tables show it; built in loaders. */
export function pairingRow(pairing: PairingView) {
  const lastMeeting = pairing.meetings[0];
  return {
    id: pairing.id,
    status: pairing.status as PairingStatus,
    mentor: pairing.mentor.name,
    mentee: pairing.mentee.name,
    meetings: pairing.meetings.length,
    lastMeeting: lastMeeting ? lastMeeting.heldOn.toISOString() : null,
    fitCheck: pairing.fitCheck ? FIT_CHECK_LABELS[pairing.fitCheck as FitCheck] : null,
  };
}

export type PairingRow = ReturnType<typeof pairingRow>;

/** Pairings with their status, meetings and fit check, each linking to the pairing. */
export function PairingTable({
  caption,
  rows,
  show,
  viewerIsMentor = false,
}: {
  caption: string;
  rows: PairingRow[];
  show: "mentor" | "mentee" | "both";
  viewerIsMentor?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <DataTable
      caption={caption}
      columns={[
        show !== "mentee" && t("mentoring:table.mentor"),
        show !== "mentor" && t("mentoring:table.mentee"),
        t("mentoring:table.status"),
        t("mentoring:table.meetings"),
        t("mentoring:table.lastMeeting"),
        t("mentoring:table.fitCheck"),
        { label: t("mentoring:table.open"), hidden: true },
      ]}
    >
      {rows.map((row) => (
        <tr key={row.id}>
          {show !== "mentee" ? <td>{row.mentor}</td> : null}
          {show !== "mentor" ? <td>{row.mentee}</td> : null}
          <td>
            <PairingStatusBadge status={row.status} />
          </td>
          <td>{format.number(row.meetings)}</td>
          <td>{row.lastMeeting ? format.day(row.lastMeeting) : "—"}</td>
          <td>{row.fitCheck ? t(row.fitCheck) : "—"}</td>
          <td>
            <Link to={`/mentoring/pairings/${row.id}`}>
              {viewerIsMentor && row.status === "proposed" ? t("mentoring:table.respond") : t("mentoring:table.open")}
              <span className="visually-hidden"> {t("mentoring:table.pairingOf", { mentor: row.mentor, mentee: row.mentee })}</span>
            </Link>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
