// Imported first by the forms that check their fields in the browser (action-form.tsx), before any zod
// schema is built there. zod compiles each object schema with `new Function` when it may, and finds out
// whether it may by trying it once: under this site's Content-Security-Policy (no 'unsafe-eval') that
// try is a violation the browser reports on every page with a form (issue 35.2: Lighthouse's best
// practices). Told to run without compiling, zod never tries. The browser only: the server's parsing
// keeps its compiled schemas, and a server has no such policy.
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });
