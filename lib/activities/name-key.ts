// One registration per name and activity (lib/activities): "Zoé Lefèvre" and "ZOE  lefevre" are one name.
// Apart so that the demo data builds the same keys.
import { cleanLine } from "@/lib/validation";

export function nameKey(firstName: string, lastName: string): string {
  return cleanLine(`${firstName} ${lastName}`).normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}
