-- CreateTable
CREATE TABLE "SessionDraw" (
    "sessionId" UUID NOT NULL,
    "opensAt" TIMESTAMPTZ(3) NOT NULL,
    "closesAt" TIMESTAMPTZ(3) NOT NULL,
    "seed" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "drawnAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SessionDraw_pkey" PRIMARY KEY ("sessionId")
);

-- CreateTable
CREATE TABLE "Application" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "places" INTEGER NOT NULL,
    "minPlaces" INTEGER NOT NULL,
    "guests" JSONB NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "outings" INTEGER,
    "weight" DOUBLE PRECISION,
    "u" DOUBLE PRECISION,
    "rank" INTEGER,
    "placesWon" INTEGER,
    "bookingId" UUID,

    CONSTRAINT "Application_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Application_bookingId_key" ON "Application"("bookingId");

-- CreateIndex
CREATE UNIQUE INDEX "Application_sessionId_partnerId_key" ON "Application"("sessionId", "partnerId");

-- AddForeignKey
ALTER TABLE "SessionDraw" ADD CONSTRAINT "SessionDraw_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "SessionDraw"("sessionId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: what an application may ask, checked by the database too.
ALTER TABLE "Application" ADD CONSTRAINT "Application_places_check" CHECK ("places" BETWEEN 1 AND 6 AND "minPlaces" BETWEEN 1 AND "places");
ALTER TABLE "SessionDraw" ADD CONSTRAINT "SessionDraw_window_check" CHECK ("opensAt" < "closesAt");
