// The authorization matrix's second half (see authorization-matrix.test.ts): the venue's side, the
// association's back office and the statistics.
import { runMatrix, SECOND_HALF } from "./authorization/run-matrix";

runMatrix([...SECOND_HALF]);
