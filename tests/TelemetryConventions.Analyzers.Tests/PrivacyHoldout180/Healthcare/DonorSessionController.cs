namespace PrivacyHoldout180.Healthcare;

public sealed record BookSessionRequest(string DonorNumber, string SessionId, string DonationType);

public sealed record DeferRequest(string DonorNumber, string ReasonCode, string ClinicianNote, int Days);

[ApiController]
[Route("api/sessions")]
public sealed class DonorSessionController(
    IDonorRegister register,
    Pseudonymizer pseudonymizer,
    ILogger<DonorSessionController> logger,
    DonationOptions options) : ControllerBase
{
    private static readonly ActivitySource Source = new("Donorcare.Sessions");
    private static readonly Meter Meter = new("Donorcare.Sessions");
    private static readonly Counter<long> Bookings = Meter.CreateCounter<long>("donorcare.bookings");
    private static readonly Histogram<int> DeferralDays = Meter.CreateHistogram<int>("donorcare.deferral.days");

    [HttpPost("book")]
    public async Task<ActionResult> Book([FromBody] BookSessionRequest request)
    {
        using var activity = Source.StartActivity("BookSession");
        activity?.SetTag("donor.number", request.DonorNumber); // leak TC1001 direct
        activity?.SetTag("session.id", request.SessionId); // clean precision-names
        activity?.SetTag("donation.type", request.DonationType); // clean precision-about

        var donor = await register.FindAsync(request.DonorNumber);
        if (donor is null)
        {
            logger.LogWarning("No donor {DonorNumber} for session {SessionId}", request.DonorNumber, request.SessionId); // leak TC1001 direct
            return NotFound();
        }

        activity?.SetTag("donor.blood_group", donor.BloodGroup); // clean precision-about
        activity?.SetTag("donor.email_domain", donor.Email[(donor.Email.IndexOf('@') + 1)..]); // clean precision-about
        activity?.SetTag("donor.age", DateTime.Today.Year - donor.DateOfBirth.Year); // clean precision-about
        activity?.SetTag("donor.postcode", donor.Postcode); // leak TC1001 direct
        activity?.SetTag("donor.dob", donor.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); // leak TC1001 direct

        var appointment = await register.BookAsync(request.DonorNumber, request.SessionId);
        activity?.SetTag("appointment.id", appointment.AppointmentId); // clean precision-names
        logger.LogInformation("Booked {@Appointment}", appointment); // leak TC1001 logging-objects
        logger.LogInformation("Booked {Appointment}", appointment with { DonorNumber = "" }); // clean logging-objects

        Bookings.Add(1, new KeyValuePair<string, object?>("session.id", request.SessionId)); // clean precision-names
        Bookings.Add(1, new KeyValuePair<string, object?>("donor", pseudonymizer.ComputeDonorcareDonorId(request.DonorNumber))); // leak TC1003 precision-pseudonym
        activity?.SetTag("donor.pseudonym", pseudonymizer.ComputeDonorcareDonorId(request.DonorNumber)); // clean precision-pseudonym
        return Ok(appointment.AppointmentId);
    }

    [HttpPost("defer")]
    public ActionResult Defer([FromBody] DeferRequest request)
    {
        var deferral = new Deferral(request.DonorNumber, request.ReasonCode, request.ClinicianNote, request.Days);
        using var span = Source.StartDonorcareOperation(options.Region)
            .SetDonorcareDonorId(pseudonymizer.PseudonymizeDonorcareDonorId(request.DonorNumber)) // clean precision-pseudonym
            .SetDonorcareOutcome("deferred") // clean generated-api
            .SetDonorcareNote($"deferred {deferral.Days} days, reason {deferral.ReasonCode}"); // clean generated-api
        span.SetDonorcareNote(deferral.ClinicianNote); // leak TC1001 generated-api

        logger.LogInformation("Deferral {ReasonCode} for {Days} days", deferral.ReasonCode, deferral.Days); // clean precision-about
        logger.LogInformation("Deferral recorded {Deferral}", deferral); // leak TC1001 logging-objects
        logger.LogInformation("Nurse note length {Length}", deferral.ClinicianNote.Length); // clean precision-about
        DeferralDays.Record(deferral.Days, new KeyValuePair<string, object?>("reason", deferral.ReasonCode)); // clean precision-about
        DeferralDays.Record(deferral.Days, new KeyValuePair<string, object?>("donor.number", deferral.DonorNumber)); // leak TC1003 direct

        try
        {
            throw new DonorDeferredException(register.GetType().Name, deferral.Days);
        }
        catch (DonorDeferredException ex)
        {
            span.RecordException(ex); // clean exceptions
        }

        if (options.TraceDonorNumbers)
        {
            Activity.Current?.AddEvent(new ActivityEvent("deferred", tags: new ActivityTagsCollection { ["donor"] = deferral.DonorNumber })); // leak TC1001 direct
        }
        return Ok();
    }

    [HttpGet("{sessionId}/summary")]
    public ActionResult Summary(string sessionId, IReadOnlyList<Deferral> deferrals)
    {
        var summaries = deferrals.GroupBy(d => d.ReasonCode).Select(g => new DeferralSummary(sessionId, g.Key, g.Count())).ToList();
        foreach (var summary in summaries)
        {
            logger.LogInformation("Deferrals {@Summary}", summary); // clean logging-objects
        }
        logger.LogInformation("Deferred donors {Donors}", string.Join(",", deferrals.Select(d => d.DonorNumber))); // leak TC1001 strings
        logger.LogInformation("Deferred donors {Count}", deferrals.Select(d => d.DonorNumber).Distinct().Count()); // clean precision-about
        return Ok(summaries);
    }
}
