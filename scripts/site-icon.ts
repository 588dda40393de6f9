// npx tsx scripts/site-icon.ts: draws the site's icon, app/favicon.ico (16, 32 and 48 pixels, PNG inside an
// ICO), from assets/icons/site-icon.svg. Browsers ask for /favicon.ico on every page; without it each page
// logged a 404 (issue 35.2). Run again after changing the drawing, and commit both files.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";

const root = path.resolve(__dirname, "..");
const SIZES = [16, 32, 48];

async function main() {
  const svg = fs.readFileSync(path.join(root, "assets", "icons", "site-icon.svg"));
  const images = await Promise.all(
    SIZES.map((size) =>
      sharp(svg, { density: 72 * (size / 64) * 4 })
        .resize(size, size)
        .png()
        .toBuffer(),
    ),
  );
  // ICO: a 6-byte header, a 16-byte entry per image, then the images (PNG is allowed inside since Windows Vista).
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // an icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map((image, index) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(SIZES[index]!, 0);
    entry.writeUInt8(SIZES[index]!, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(image.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += image.length;
    return entry;
  });
  fs.writeFileSync(path.join(root, "app", "favicon.ico"), Buffer.concat([header, ...entries, ...images]));
}

void main();
