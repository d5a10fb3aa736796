import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Previous/next links that keep the current filters in the query string. */
export function Pagination({ page, pageSize, total, label }: { page: number; pageSize: number; total: number; label: string }) {
  const { t } = useTranslation();
  const { search } = useLocation();
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  if (pageCount <= 1) return null;
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(search);
    params.set("page", String(target));
    return `?${params}`;
  };
  return (
    <nav className="pagination" aria-label={t("common:pagination.label", { label })}>
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} rel="prev">
          {t("common:pagination.previous")}
        </Link>
      ) : (
        <span />
      )}
      <span>{t("common:pagination.pageOf", { page, pageCount })}</span>
      {page < pageCount ? (
        <Link to={hrefFor(page + 1)} rel="next">
          {t("common:pagination.next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
