// Issue 32.4: a browser installs the door check only when the manifest's icons load: each one is a file of
// public/ with the size the manifest says.
import { existsSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import manifest from "@/app/manifest";

it("names icons that exist in public/, at their stated sizes", async () => {
  const icons = manifest().icons ?? [];
  expect(icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of icons) {
    const file = path.join(process.cwd(), "public", icon.src);
    expect(existsSync(file)).toBe(true);
    const { width, height } = await sharp(file).metadata();
    expect(`${width}x${height}`).toBe(icon.sizes);
  }
});
