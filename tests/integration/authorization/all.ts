// The cases of the authorization matrix, module by module (see authorization-matrix.test.ts and its
// second half, authorization-matrix-back-office.test.ts); also
// walked by the audit-atomicity and malformed-input tests.
import type { MatrixWorld } from "../../factories/matrix";
import { activitiesCases } from "./activities.cases";
import { associationCases } from "./association.cases";
import { authCases } from "./auth.cases";
import { bookingCases } from "./booking.cases";
import { drawCases } from "./draw.cases";
import { feedbackCases } from "./feedback.cases";
import { importExportCases } from "./import-export.cases";
import { invitationCases, type AuthorizationCase, type MatrixActor } from "./invitation.cases";
import { latePlacesCases } from "./late-places.cases";
import { partnerCases } from "./partner.cases";
import { seasonImportCases } from "./season-import.cases";
import { smsCases } from "./sms.cases";
import { statisticsCases } from "./statistics.cases";
import { venueCases } from "./venue.cases";
import { wishesCases } from "./wishes.cases";

export const ACTORS: MatrixActor[] = ["admin", "partnerA", "partnerB", "venueX", "venueY", "visitorA", "anonymous"];

export const matrixModules: Record<string, AuthorizationCase<MatrixWorld>[]> = {
  booking: bookingCases,
  partner: partnerCases,
  auth: authCases,
  invitation: invitationCases as AuthorizationCase<MatrixWorld>[],
  venue: venueCases,
  association: associationCases,
  statistics: statisticsCases,
  wishes: wishesCases,
  feedback: feedbackCases,
  activities: activitiesCases,
  draw: drawCases,
  sms: smsCases,
  importExport: importExportCases,
  latePlaces: latePlacesCases,
  seasonImport: seasonImportCases,
};
