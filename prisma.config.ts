import { defineConfig } from "prisma/config";

// Prisma 7 reads the connection string here. It may be absent (`prisma generate` needs none);
// the app, the scripts and the tests pass theirs explicitly through lib/db.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
