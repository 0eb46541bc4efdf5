namespace PrivacyHoldout130.Healthcare;

/// <summary>What a member of staff fills in on the intranet to ask for a room in a trust residence.</summary>
public sealed record RoomApplication(string StaffNumber, string FullName, string WorkEmail, string Mobile, string Directorate, DateOnly MoveInFrom, string PreferredResidence);

[ApiController]
[Route("api/accommodation")]
public sealed partial class StaffAccommodationLettingsController(
    ILettingsClient lettings,
    Pseudonymizer pseudonymizer,
    ILogger<StaffAccommodationLettingsController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Trust.Accommodation.Lettings");
    private static readonly Meter Meter = new("Trust.Accommodation.Lettings");
    private static readonly Counter<long> Applications = Meter.CreateCounter<long>("accommodation.applications");

    [HttpPost("applications")]
    public async Task<ActionResult> ApplyAsync([FromBody] RoomApplication application, CancellationToken ct)
    {
        using var span = Source.StartStaffresTenancy(application.PreferredResidence);
        span.SetStaffresTenantId(pseudonymizer.PseudonymizeStaffresTenantId(application.StaffNumber)); // clean precision-pseudonym
        span.SetStaffresRegion(application.Directorate); // clean precision-names
        Activity.Current?.SetTag("accommodation.applicant.staff_number", application.StaffNumber); // leak TC1001 direct
        Activity.Current?.SetTag("accommodation.move_in_from", application.MoveInFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); // clean precision-about
        logger.LogInformation("Room application from {ApplicantName} for {Residence}", application.FullName, application.PreferredResidence); // leak TC1001 direct
        logger.LogDebug("Application received: {@Application}", application); // leak TC1001 logging-objects

        var emailDomain = application.WorkEmail[(application.WorkEmail.IndexOf('@') + 1)..];
        Applications.Add(1, new KeyValuePair<string, object?>("residence", application.PreferredResidence), new("email.domain", emailDomain)); // clean precision-about

        var slot = NextViewingSlot(application.MoveInFrom);
        var applicant = new Applicant(application.StaffNumber, application.FullName, application.WorkEmail, application.Mobile, default);
        try
        {
            var viewing = await lettings.BookViewingAsync(application.PreferredResidence, applicant, slot, ct);
            logger.LogInformation("Viewing {ViewingId} booked at {PropertyRef} for {SlotStart}", viewing.ViewingId, viewing.PropertyRef, viewing.SlotStart); // clean precision-names
            logger.LogDebug("Viewing details {Viewing}", viewing); // leak TC1001 logging-objects
            span.Activity?.AddEvent(new ActivityEvent("viewing.booked", tags: new ActivityTagsCollection { ["viewing.id"] = viewing.ViewingId.ToString(), ["viewing.slot"] = viewing.SlotStart.ToString("O") })); // clean precision-names
            ViewingConfirmed(logger, viewing.PropertyRef, application.Mobile); // clean logging-objects
            span.SetStaffresOutcome("viewing-booked");
            return Ok(new { viewing.ViewingId, viewing.SlotStart });
        }
        catch (ViewingSlotTakenException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            return BadRequest("That slot has just been taken.");
        }
        catch (DuplicateApplicationException ex)
        {
            logger.LogWarning(ex, "Duplicate application for {PropertyRef}", ex.PropertyRef); // leak TC1001 exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            return BadRequest("You already have an open application.");
        }
    }

    [HttpGet("applications/{staffNumber}/status")]
    public async Task<ActionResult> StatusAsync(string staffNumber, string propertyRef, CancellationToken ct)
    {
        var property = await lettings.GetPropertyAsync(propertyRef, ct);
        Activity.Current?.SetTag("http.route", "api/accommodation/applications/{staffNumber}/status"); // clean precision-names
        Activity.Current?.SetTag("url.path", $"/api/accommodation/applications/{staffNumber}/status"); // leak TC1001 strings
        if (property is null)
        {
            logger.LogWarning("Residence {PropertyRef} not found", propertyRef); // clean precision-names
            return NotFound();
        }
        logger.LogInformation("Residence {PropertyRef} has {Bedrooms} rooms at {Rent}", property.PropertyRef, property.Bedrooms, property.MonthlyRent); // clean precision-about
        return Ok(property);
    }

    private static DateTimeOffset NextViewingSlot(DateOnly from) => new(from.AddDays(-7).ToDateTime(new TimeOnly(16, 0)), TimeSpan.Zero);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Viewing at {PropertyRef} confirmed by text to {Mobile}")]
    private static partial void ViewingConfirmed(ILogger logger, string propertyRef, [PrivateData] string mobile);
}
