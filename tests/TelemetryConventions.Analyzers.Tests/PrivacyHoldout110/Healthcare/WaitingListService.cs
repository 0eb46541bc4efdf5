namespace PrivacyHoldout110.Healthcare;

public sealed record ReleasedSlot(string SlotId, string Clinic, DateTimeOffset Start, string Reason);

public sealed record DidNotAttend(string AppointmentId, string NhsNumber, string Clinic, int PreviousDnas, string ClinicianStaffNumber);

/// <summary>
/// Offers released slots to the clinic's waiting list and follows up appointments the patient did not
/// attend (two DNAs in a year go back to the referrer).
/// </summary>
public sealed class WaitingListService(
    IBookingEngine engine,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<WaitingListService> logger)
{
    private static readonly ActivitySource Source = new("Outpatients.WaitingList");
    private static readonly Meter Meter = new("Outpatients.WaitingList");
    private static readonly Histogram<int> OfferPosition = Meter.CreateHistogram<int>("outpatients.waitlist.offer_position");
    private static readonly Counter<long> Dnas = Meter.CreateCounter<long>("outpatients.dna");

    private string? _lastOffered;

    public async Task OfferAsync(ReleasedSlot released, CancellationToken cancellationToken)
    {
        using var span = Source.StartClinicbookBooking(released.Clinic).SetClinicbookSlotId(released.SlotId); // clean precision-names
        var waiting = await engine.WaitlistAsync(released.Clinic, cancellationToken);
        span.SetClinicbookNote($"released ({released.Reason}), {waiting.Count} waiting"); // clean generated-api
        if (waiting.Count == 0)
        {
            return;
        }

        var first = waiting.OrderBy(w => w.Position).First();
        _lastOffered = first.BookerRef;
        span.SetClinicbookWaitlistPosition(first.Position); // clean precision-about
        OfferPosition.Record(first.Position, new KeyValuePair<string, object?>("clinic", released.Clinic)); // clean precision-about
        logger.LogInformation("Offering {SlotId} to waiting list entry {Entry}", released.SlotId, first); // leak TC1001 logging-objects
        logger.LogDebug("Offer entry {EntryId} joined {JoinedAt:O}", first.EntryId, first.JoinedAt); // clean precision-names
        Activity.Current?.AddEvent(new ActivityEvent("waitlist.offered", tags: new ActivityTagsCollection { ["entry"] = first.EntryId, ["position"] = first.Position })); // clean precision-names
        LogLastOffer();

        var bucket = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(first.BookerRef)))[..2];
        Activity.Current?.SetTag("waitlist.offer.shard", bucket); // clean hashes
        var oldBucket = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(first.BookerRef)))[..16];
        Activity.Current?.SetTag("waitlist.offer.ref", oldBucket); // leak TC1002 hashes
    }

    private void LogLastOffer() =>
        logger.LogTrace("Last offered to {Patient}", _lastOffered); // leak TC1001 cross-member

    public void RecordDidNotAttend(DidNotAttend dna)
    {
        using var span = Source.StartClinicbookBooking(dna.Clinic).SetClinicbookAppointmentId(dna.AppointmentId).SetClinicbookOutcome("no_show"); // clean precision-names
        var patient = pseudonymizer.PseudonymizeClinicbookPatientId(dna.NhsNumber);
        span.SetClinicbookPatientId(patient).SetClinicbookClinicianId(pseudonymizer.PseudonymizeClinicbookClinicianId(dna.ClinicianStaffNumber)); // clean precision-pseudonym
        Dnas.Add(1, new KeyValuePair<string, object?>("clinic", dna.Clinic), new("repeat", dna.PreviousDnas > 0)); // clean precision-about
        Dnas.Add(0, new KeyValuePair<string, object?>("patient", patient.ToString())); // leak TC1003 precision-pseudonym
        Meter.CreateClinicbookBookingsCounter().Add(1, dna.Clinic, "clinic", "no_show"); // clean generated-api
        if (dna.PreviousDnas >= 1)
        {
            logger.LogWarning("Second DNA for {NhsNumber}; returning referral to {Clinician}", dna.NhsNumber, dna.ClinicianStaffNumber); // leak TC1001 direct
            logger.LogClinicbookBookingFailedEvent(dna.Clinic, "returned_to_referrer", patient, $"{dna.PreviousDnas + 1} DNAs in 12 months"); // clean generated-api
            Activity.Current?.SetTag("dna.clinician", dna.ClinicianStaffNumber); // leak TC1001 direct
        }
        logger.LogInformation("DNA recorded {@Dna}", dna); // leak TC1001 logging-objects
        Activity.Current?.SetTag("dna.patient.hash", dna.NhsNumber.GetHashCode()); // leak TC1002 hashes
    }
}
