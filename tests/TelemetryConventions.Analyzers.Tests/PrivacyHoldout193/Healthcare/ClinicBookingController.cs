namespace PrivacyHoldout193.Healthcare;

public sealed record BookingRequest(string ClinicNumber, string ClinicCode, string Kind, string Reason);

public sealed record PartnerRequest(string CaseId, string IndexClinicNumber, string PartnerName, string? PartnerMobile, string? PartnerEmail, string Method);

/// <summary>Clinic bookings and partner notification for the sexual health service.</summary>
[ApiController]
[Route("api/clinic")]
public sealed partial class ClinicBookingController(
    IServiceUserStore users,
    IBookingStore bookings,
    IPartnerNotificationService partnerNotification,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<ClinicBookingController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("SexualHealth.Clinic");
    private static readonly Meter Meter = new("SexualHealth.Clinic");
    private static readonly Counter<long> PartnersNotified = Meter.CreateCounter<long>("shs.pn.notified");

    [HttpPost("bookings")]
    public async Task<ActionResult> Book([FromBody] BookingRequest request, CancellationToken ct)
    {
        using var span = Source.StartShclinicOperation(request.ClinicCode);
        span.SetShclinicKind(request.Kind); // clean precision-names
        Activity.Current?.SetTag("shs.booking.clinic_number", request.ClinicNumber); // leak TC1001 direct
        Activity.Current?.SetTag("shs.booking.reason", request.Reason); // clean precision-about

        var user = await users.FindAsync(request.ClinicNumber, ct);
        if (user is null)
        {
            logger.LogWarning("Booking refused: {Detail}", new ServiceUserNotFoundException(request.ClinicNumber).Message); // leak TC1001 exceptions
            return NotFound();
        }

        var slot = await bookings.FindSlotAsync(request.ClinicCode, request.Kind, ct);
        if (slot is null)
        {
            var full = new SlotUnavailableException(request.ClinicCode, request.Kind);
            Activity.Current?.SetStatus(ActivityStatusCode.Error, full.Message); // clean exceptions
            span.SetShclinicOutcome("no-slot"); // clean precision-about
            return BadRequest(full.Message);
        }

        var booking = await bookings.BookAsync(slot, user, request.Reason, ct);
        logger.LogInformation("Booked {@Slot}", slot); // clean logging-objects
        logger.LogInformation("Booked {Booking}", booking); // leak TC1001 logging-objects
        logger.LogInformation("Booked {Booking}", booking with { ClinicNumber = "-", Mobile = "-" }); // clean logging-objects
        span.SetShclinicNote($"booking {booking.BookingId} at {slot.ClinicCode} for {user.FirstName} {user.LastName}"); // leak TC1001 generated-api
        span.SetShclinicNote($"booking {booking.BookingId} at {slot.ClinicCode}, {slot.DurationMinutes} minutes"); // clean generated-api
        Activity.Current?.AddEvent(new ActivityEvent("booking.confirmed", tags: new ActivityTagsCollection { ["booking.id"] = booking.BookingId, ["slot.kind"] = slot.Kind })); // clean precision-names
        Activity.Current?.AddEvent(new ActivityEvent("booking.reminder", tags: new ActivityTagsCollection { ["reminder.mobile"] = booking.Mobile })); // leak TC1001 direct
        meter().CreateShclinicOperationsCounter().Add(1, slot.ClinicCode, "booked"); // clean generated-api
        return Ok(new { booking.BookingId, slot.Start });
    }

    [HttpPost("partners")]
    public async Task<ActionResult> NotifyPartner([FromBody] PartnerRequest request, CancellationToken ct)
    {
        using var span = Source.StartShclinicOperation("pn-team");
        span.SetShclinicKind("pn"); // clean precision-names
        span.SetShclinicClientId(pseudonymizer.PseudonymizeShclinicClientId(request.IndexClinicNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("shs.pn.case_id", request.CaseId); // clean precision-names
        Activity.Current?.SetTag("shs.pn.method", request.Method); // clean precision-about
        Activity.Current?.SetTag("shs.pn.partner_name", request.PartnerName); // leak TC1001 direct
        Activity.Current?.SetTag("shs.pn.has_mobile", request.PartnerMobile is not null); // clean precision-about
        Activity.Current?.SetTag("shs.pn.email_domain", request.PartnerEmail?.Split('@').Last()); // clean precision-about

        var partnerKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.PartnerMobile ?? string.Empty)));
        Activity.Current?.SetTag("shs.pn.partner_key", partnerKey); // leak TC1002 hashes
        var partnerShard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.PartnerMobile ?? string.Empty))[0] % 16;
        Activity.Current?.SetTag("shs.pn.partner_shard", partnerShard); // clean hashes
        Baggage.SetBaggage("shs.pn.partner", pseudonymizer.Compute(Spaces.Partner, request.PartnerName)); // clean precision-pseudonym

        var contact = new PartnerContact(Guid.NewGuid().ToString("N"), request.IndexClinicNumber, request.PartnerName, request.PartnerMobile, request.PartnerEmail, request.Method);
        using (logger.BeginScope(new Dictionary<string, object> { ["CaseId"] = request.CaseId, ["PartnerRef"] = contact.PartnerRef })) // clean precision-names
        {
            try
            {
                var reached = await partnerNotification.NotifyAsync(contact, ct);
                if (!reached)
                {
                    throw new PartnerUnreachableException(request.PartnerMobile ?? "no mobile");
                }

                PartnersNotified.Add(1, new KeyValuePair<string, object?>("method", request.Method)); // clean precision-about
                PartnersNotified.Add(1, new KeyValuePair<string, object?>("index.client", pseudonymizer.ComputeShclinicClientId(request.IndexClinicNumber))); // leak TC1003 precision-pseudonym
                LogPartnerContacted(request.CaseId, request.PartnerName); // clean logging-objects
            }
            catch (PartnerUnreachableException ex)
            {
                logger.LogWarning(ex, "Partner for case {CaseId} unreachable", request.CaseId); // leak TC1001 exceptions
                span.SetShclinicNote(ex.Message); // leak TC1001 generated-api
                logger.LogInformation("Partner contact {@Contact}", contact); // leak TC1001 logging-objects
                logger.LogInformation("Partner contact for {Case}: {Summary}", request.CaseId, string.Join(", ", contact.PartnerName, contact.Method)); // leak TC1001 strings
                return BadRequest("partner unreachable");
            }
        }

        var outcome = await partnerNotification.CloseCaseAsync(request.CaseId, ct);
        logger.LogInformation("Partner notification closed {@Outcome}", outcome); // clean logging-objects
        return Ok(outcome);
    }

    private static Meter meter() => Meter;

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Case {CaseId}: partner {PartnerName} contacted")]
    private partial void LogPartnerContacted(string caseId, [PrivateData] string partnerName);
}
