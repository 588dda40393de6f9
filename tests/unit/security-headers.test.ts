// Hardening items 15 and 16: the headers pages are sent with, and a body limit that fits the app's own
// 5 MB image rule.
import fs from "node:fs";
import path from "node:path";
import { ACTION_BODY_LIMIT_BYTES, contentSecurityPolicy, permissionsPolicy, securityHeaders } from "@/lib/http/security-headers";
import { MAX_IMAGE_BYTES } from "@/lib/venue/images";

describe("security headers", () => {
  it("allow only this site's scripts carrying the request's nonce, never eval in production, and no framing", () => {
    const policy = contentSecurityPolicy("abc123");
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(contentSecurityPolicy("x", { dev: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy("x", { https: true })).toContain("upgrade-insecure-requests");
  });

  it("stay strict for scripts: no 'unsafe-inline' fallback nor any scheme, however Lighthouse's csp-xss notes ask (decision 029)", () => {
    const scripts = contentSecurityPolicy("abc123")
      .split("; ")
      .find((directive) => directive.startsWith("script-src "))!;
    expect(scripts.split(" ").sort()).toEqual(["'nonce-abc123'", "'self'", "'strict-dynamic'", "script-src"]);
    expect(contentSecurityPolicy("abc123")).toContain("base-uri 'self'");
  });

  it("give the camera to the door check only, and HSTS over HTTPS only", () => {
    expect(permissionsPolicy("/lieu/controle")).toContain("camera=(self)");
    expect(permissionsPolicy("/offre")).toContain("camera=()");
    expect(securityHeaders("/offre")).toMatchObject({ "X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin" });
    expect(securityHeaders("/offre")["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders("/offre", { https: true })["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
  });
});

describe("the body limit of server actions", () => {
  it("takes a 5 MB image with its form, and next.config says the same as the proxy", () => {
    expect(ACTION_BODY_LIMIT_BYTES).toBeGreaterThan(MAX_IMAGE_BYTES + 64 * 1024);
    const config = fs.readFileSync(path.join(__dirname, "..", "..", "next.config.mjs"), "utf8");
    const megabytes = Number(/ACTION_BODY_LIMIT = "(\d+)mb"/.exec(config)![1]);
    expect(megabytes * 1024 * 1024).toBe(ACTION_BODY_LIMIT_BYTES);
  });
});
