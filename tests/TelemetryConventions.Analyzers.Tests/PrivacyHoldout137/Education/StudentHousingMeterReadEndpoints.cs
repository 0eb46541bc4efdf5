namespace PrivacyHoldout137.Education;

public sealed record HallReadForm(string StudentNumber, string PropertyCode, string RoomCode, string MeterSerial, string RegisterId, decimal Value, string? PhotoBlobName, string? Comment);

public sealed record HallReadReceipt(string ReceiptId, string PropertyCode, string RegisterId, string Outcome);

public interface IHallMeterDirectory
{
    Task<string?> MpanForPropertyAsync(string propertyCode, CancellationToken cancellationToken);
}

/// <summary>
/// Students in the university's leased houses submit move-in and move-out meter reads from the
/// accommodation portal; the accommodation office checks them against the last accepted read.
/// </summary>
public static class StudentHousingMeterReadEndpoints
{
    private static readonly ActivitySource Source = new("University.Accommodation.MeterReads");
    private static readonly Meter Meter = new("University.Accommodation.MeterReads");
    private static readonly Counter<long> ReadsByProperty = Meter.CreateCounter<long>("accommodation.reads");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/accommodation/properties/{propertyCode}/reads", SubmitAsync);
        routes.MapGet("/accommodation/students/{studentNumber}/reads", ListAsync);
    }

    public static async Task<ActionResult> SubmitAsync(
        HttpContextInfo http,
        HallReadForm form,
        IHallMeterDirectory directory,
        IMeterReadStore store,
        Pseudonymizer pseudonymizer,
        ILogger<HallReadForm> logger,
        CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        using var span = Source.StartMeterreadSubmit(form.PhotoBlobName is null ? "web" : "photo")
            .SetMeterreadAccountId(pseudonymizer.PseudonymizeMeterreadAccountId(form.StudentNumber)) // clean precision-pseudonym
            .SetMeterreadRegister(form.RegisterId);

        span.Activity?.SetTag("accommodation.property", form.PropertyCode); // clean precision-names
        span.Activity?.SetTag("accommodation.room", form.RoomCode);
        span.Activity?.SetTag("http.request.trace", http.TraceIdentifier); // clean precision-names
        span.Activity?.SetTag("enduser.id", http.User.SubjectId); // leak TC1001 direct
        var photoBlob = form.PhotoBlobName is null ? null : $"reads/{form.StudentNumber}/{form.PhotoBlobName}";
        span.Activity?.SetTag("accommodation.photo", photoBlob); // leak TC1001 strings

        var mpan = await directory.MpanForPropertyAsync(form.PropertyCode, ct);
        if (mpan is null)
        {
            logger.LogWarning("No MPAN for property {PropertyCode}", form.PropertyCode);
            return NotFoundFor(form.PropertyCode);
        }

        var last = await store.LastAcceptedAsync(mpan, form.RegisterId, ct);
        var outcome = last is { } previous && form.Value < previous ? "queried" : "accepted";

        if (outcome == "queried")
        {
            logger.LogMeterreadRejectedEvent(form.PhotoBlobName is null ? "web" : "photo", outcome, meterreadNote: $"Read {form.Value} below last accepted {last} on {form.RegisterId}"); // clean strings
            logger.LogWarning("Queried read from student {StudentNumber} at {PropertyCode}: {Comment}", form.StudentNumber, form.PropertyCode, form.Comment); // leak TC1001 direct
        }

        await store.SaveAsync(new MeterReadSubmission(form.PropertyCode, mpan, form.MeterSerial, form.RegisterId, form.Value, DateOnly.FromDateTime(DateTime.UtcNow), "portal", photoBlob), new ReadValidationResult(outcome, 0, 0, 0), ct);

        span.SetMeterreadOutcome(outcome).SetMeterreadReadCount(1); // clean precision-names
        ReadsByProperty.Add(1, new KeyValuePair<string, object?>("property", form.PropertyCode), new("outcome", outcome));
        ReadsByProperty.Add(0, new KeyValuePair<string, object?>("meter", form.MeterSerial)); // leak TC1003 direct
        Meter.CreateMeterreadValidationDurationHistogram().Record(sw.Elapsed.TotalSeconds, "portal"); // clean generated-api

        return new OkResult(new HallReadReceipt(Guid.NewGuid().ToString("N"), form.PropertyCode, form.RegisterId, outcome));
    }

    public static Task<ActionResult> ListAsync(HttpContextInfo http, string studentNumber, ILogger<HallReadForm> logger)
    {
        using var activity = Source.StartActivity("accommodation.reads.list");
        activity?.SetTag("http.route", "/accommodation/students/{studentNumber}/reads"); // clean precision-names
        activity?.SetTag("url.path", $"/accommodation/students/{studentNumber}/reads"); // leak TC1001 strings
        logger.LogInformation("Read history requested by {Requester}", http.User.Email); // leak TC1001 direct
        return Task.FromResult<ActionResult>(new OkResult(Array.Empty<HallReadReceipt>()));
    }

    private static ActionResult NotFoundFor(string propertyCode) => new NotFoundResult($"Unknown property {propertyCode}");
}
