import { Link } from "@remix-run/react";
import { DataTable } from "~/components/ui/data-table.tsx";
import { FIT_CHECK_LABELS, type FitCheck, type PairingStatus } from "~/domain/mentoring.ts";
import type { PairingView } from "~/models/pairing.server.ts";
import { formatDate } from "~/utils/format.ts";
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
  return (
    <DataTable
      caption={caption}
      columns={[
        show !== "mentee" && "Mentor",
        show !== "mentor" && "Mentee",
        "Status",
        "Meetings",
        "Last meeting",
        "Fit check",
        { label: "Open", hidden: true },
      ]}
    >
      {rows.map((row) => (
        <tr key={row.id}>
          {show !== "mentee" ? <td>{row.mentor}</td> : null}
          {show !== "mentor" ? <td>{row.mentee}</td> : null}
          <td>
            <PairingStatusBadge status={row.status} />
          </td>
          <td>{row.meetings}</td>
          <td>{row.lastMeeting ? formatDate(row.lastMeeting) : "—"}</td>
          <td>{row.fitCheck ?? "—"}</td>
          <td>
            <Link to={`/mentoring/pairings/${row.id}`}>
              {viewerIsMentor && row.status === "proposed" ? "Accept or decline" : "Open"}
              <span className="visually-hidden">
                {" "}
                the pairing of {row.mentor} and {row.mentee}
              </span>
            </Link>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
