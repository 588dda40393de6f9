-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE SET NULL ON UPDATE CASCADE;
