namespace PrivacyHoldout169.Education;

/// <summary>The telethon's calling app: student callers record what alumni pledged on the phone.</summary>
public static class AlumniTelethonEndpoints
{
    private static readonly ActivitySource Source = new("AlumniGiving.Telethon");
    private static readonly Meter Meter = new("AlumniGiving.Telethon");
    private static readonly Counter<long> PledgesByCaller = Meter.CreateCounter<long>("alumnigiving.pledges.by_caller");

    public sealed record PledgeForm(string AlumniNumber, string Name, string Email, string Faculty, decimal Amount, string CallerStudentNumber, bool GiftAid);

    public static void Map(EndpointRoutes routes) =>
        routes.MapPost("/telethon/pledges", RecordAsync);

    internal static async Task<ActionResult> RecordAsync(PledgeForm form, HttpContextInfo http, IDonorStore donors, Pseudonymizer pseudonymizer, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("AlumniGiving.Telethon");
        using var activity = Source.StartActivity("telethon.pledge");
        activity?.SetTag("telethon.faculty", form.Faculty); // clean direct
        activity?.SetTag("telethon.amount", form.Amount); // clean direct
        activity?.SetTag("telethon.caller", http.User.SubjectId); // leak TC1001 direct
        activity?.SetTag("telethon.caller_signed_in", http.User.IsAuthenticated); // clean precision-about
        activity?.SetTag("telethon.caller_email", http.User.Email); // leak TC1001 direct
        activity?.SetTag("telethon.request", http.TraceIdentifier); // clean precision-names
        logger.LogInformation("Pledge from alumnus {AlumniNumber} ({Faculty})", form.AlumniNumber, form.Faculty); // leak TC1001 direct
        logger.LogInformation("Pledge form {@Form}", form); // leak TC1001 logging-objects
        logger.LogInformation("Pledge of {Amount} for {Faculty}, Gift Aid {GiftAid}", form.Amount, form.Faculty, form.GiftAid); // clean logging-objects

        var pledge = new AlumniPledge(Guid.NewGuid().ToString("N"), form.AlumniNumber, form.Name, form.Email, form.Faculty, form.Amount);
        var line = $"{pledge.PledgeId}: {pledge.Name} pledged {pledge.Amount:C}";
        activity?.AddEvent(new ActivityEvent(line)); // leak TC1001 strings
        activity?.AddEvent(new ActivityEvent($"pledge {pledge.PledgeId} for {pledge.Faculty}")); // clean strings

        var caller = pseudonymizer.PseudonymizeAlumnigivingStudentId(form.CallerStudentNumber);
        PledgesByCaller.Add(1, new KeyValuePair<string, object?>("caller", caller.ToString())); // leak TC1003 precision-pseudonym
        PledgesByCaller.Add(1, new KeyValuePair<string, object?>("faculty", form.Faculty)); // clean precision-names

        using var operation = Source.StartAlumnigivingOperation(form.Faculty).SetAlumnigivingStudentId(caller); // clean generated-api
        operation.SetAlumnigivingDonorId(pseudonymizer.PseudonymizeAlumnigivingDonorId(form.AlumniNumber)); // clean precision-pseudonym
        operation.SetAlumnigivingOutcome(form.Email); // leak TC1001 generated-api
        operation.SetAlumnigivingPledgeCount(1); // clean generated-api

        var alumnusCount = await donors.FindAsync(form.AlumniNumber, cancellationToken) is null ? 0 : 1;
        logger.LogDebug("Known alumni matched: {AlumnusCount}", alumnusCount); // clean precision-names
        return new OkResult(pledge.PledgeId);
    }
}
