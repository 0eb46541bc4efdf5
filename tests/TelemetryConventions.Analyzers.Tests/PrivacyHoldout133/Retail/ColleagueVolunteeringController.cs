namespace PrivacyHoldout133.Retail;

/// <summary>Colleagues book their paid volunteering day with a local charity partner.</summary>
public sealed record VolunteeringDayBooking(string StaffNumber, string FirstName, string WorkEmail, string StoreCode, string CharityPartner, DateOnly Day, string ManagerStaffNumber);

[ApiController]
[Route("api/colleagues/volunteering")]
public sealed class ColleagueVolunteeringController(IRotaClient rota, Pseudonymizer pseudonymizer, ILogger<ColleagueVolunteeringController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Retail.ColleagueVolunteering");
    private static readonly Meter Meter = new("Retail.ColleagueVolunteering");
    private static readonly Counter<long> Days = Meter.CreateCounter<long>("retail.volunteering.days");

    [HttpPost("")]
    public async Task<ActionResult> Book([FromBody] VolunteeringDayBooking booking, CancellationToken cancellationToken)
    {
        using var span = Source.StartRoundupTask(roundupProgramme: "volunteering-days");
        span.SetRoundupSite(booking.StoreCode); // clean precision-about
        span.SetRoundupColleagueId(pseudonymizer.PseudonymizeRoundupColleagueId(booking.StaffNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("volunteering.partner", booking.CharityPartner); // clean precision-names
        span.Activity?.SetTag("volunteering.day", booking.Day.ToString("O", CultureInfo.InvariantCulture)); // clean precision-about
        span.Activity?.SetTag("volunteering.approver", booking.ManagerStaffNumber); // leak TC1001 direct
        Days.Add(1, new KeyValuePair<string, object?>("store", booking.StoreCode), new KeyValuePair<string, object?>("partner", booking.CharityPartner)); // clean precision-about
        Days.Add(1, new KeyValuePair<string, object?>("colleague", booking.StaffNumber)); // leak TC1003 direct
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Store"] = booking.StoreCode, ["Partner"] = booking.CharityPartner }); // clean logging-objects
        logger.LogInformation("Volunteering day {@Booking}", booking); // leak TC1001 logging-objects

        try
        {
            var assignment = await rota.AssignAsync($"{booking.CharityPartner}:{booking.Day:yyyyMMdd}", booking.StaffNumber, cancellationToken);
            logger.LogInformation("Booked {FirstName} onto {ShiftId}", booking.FirstName, assignment.ShiftId); // leak TC1001 direct
            return Ok(assignment.ShiftId);
        }
        catch (ShiftFullException ex)
        {
            span.Activity?.AddException(ex); // clean exceptions
            logger.LogRoundupTaskFailedEvent(roundupProgramme: "volunteering-days", roundupOutcome: "full", roundupNote: $"{ex.ShiftId} full"); // clean generated-api
            return BadRequest("full");
        }
        catch (AlreadyRosteredException ex)
        {
            logger.LogRoundupTaskFailedEvent(roundupProgramme: "volunteering-days", roundupOutcome: "clash", roundupNote: ex.Message); // leak TC1001 generated-api
            return BadRequest("clash");
        }
    }
}
