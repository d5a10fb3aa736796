import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui/layout.tsx";
import { NOMINATION_STATUS_LABELS, type NominationStatus } from "~/domain/career.ts";

const TONES: Record<NominationStatus, "success" | "danger" | "primary"> = {
  pending: "primary",
  approved: "success",
  declined: "danger",
};

export function NominationStatusBadge({ status }: { status: NominationStatus }) {
  const { t } = useTranslation();
  return <Badge tone={TONES[status]}>{t(NOMINATION_STATUS_LABELS[status])}</Badge>;
}
