-- AlterTable
ALTER TABLE "Wish" ADD COLUMN     "visitorSession" TEXT;
