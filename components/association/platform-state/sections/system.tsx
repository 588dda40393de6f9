// The database's size and the version running: facts to quote when asking for help.
import { getTranslations } from "@/lib/i18n/server";
import type { PlatformState } from "@/lib/association/platform-state";
import { Fact } from "./fact";

/** "412 Mo", "1,3 Go": French units, one decimal above a gigabyte. */
export function formatSize(bytes: number): string {
  const units = ["octets", "ko", "Mo", "Go", "To"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat("fr-FR", { maximumFractionDigits: unit >= 3 ? 1 : 0 }).format(value)} ${units[unit]}`;
}

export async function SystemSection({ database, version }: Pick<PlatformState, "database" | "version">) {
  const t = await getTranslations("platformState");
  return (
    <>
      <Fact id="base" title={t("database.title")} todo={t("database.todo")}>
        <p>{t("database.size", { size: formatSize(database.bytes) })}</p>
      </Fact>
      <Fact id="version" title={t("version.title")} todo={t("version.todo")}>
        <p>{version.commit ? t("version.commit", { version: version.version, commit: version.commit }) : t("version.running", { version: version.version })}</p>
      </Fact>
    </>
  );
}
