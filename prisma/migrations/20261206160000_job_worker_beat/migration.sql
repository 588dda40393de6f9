-- CreateTable
CREATE TABLE "JobWorkerBeat" (
    "id" TEXT NOT NULL,
    "beatAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "JobWorkerBeat_pkey" PRIMARY KEY ("id")
);
