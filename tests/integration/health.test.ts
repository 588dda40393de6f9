import { GET } from "@/app/api/health/route";
import { disconnectPrisma } from "@/lib/db/client";

describe("GET /api/health", () => {
  it("answers 200 when the database answers", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("answers 503 when the database does not", async () => {
    const url = process.env.DATABASE_URL;
    await disconnectPrisma();
    process.env.DATABASE_URL = "postgresql://postgres:postgres@127.0.0.1:1/nowhere";
    try {
      const response = await GET();
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: "error", database: "unreachable" });
    } finally {
      await disconnectPrisma();
      process.env.DATABASE_URL = url;
    }
  });
});
