-- AlterTable
ALTER TABLE "Partner" ADD COLUMN     "siret" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Partner_siret_key" ON "Partner"("siret");
