import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui/layout.tsx";
import { PAIRING_STATUS_LABELS, type PairingStatus } from "~/domain/mentoring.ts";

const TONES: Record<PairingStatus, "primary" | "success" | "danger" | undefined> = {
  proposed: "primary",
  active: "success",
  declined: "danger",
  ended: undefined,
};

export function PairingStatusBadge({ status }: { status: PairingStatus }) {
  const { t } = useTranslation();
  return <Badge tone={TONES[status]}>{t(PAIRING_STATUS_LABELS[status])}</Badge>;
}
