/** The venue every form of the page acts on. */
export function VenueIdField({ venueId }: { venueId: string }) {
  return <input type="hidden" name="venueId" value={venueId} />;
}
