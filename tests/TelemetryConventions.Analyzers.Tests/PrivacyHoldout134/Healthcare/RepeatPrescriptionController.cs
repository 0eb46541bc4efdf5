namespace PrivacyHoldout134.Healthcare;

public sealed record RepeatRequestBody(string NhsNumber, string[] DmdCodes, string? Note, string NominatedOds);

/// <summary>The patient app's repeat prescription requests: checks the nomination, submits to EPS and tells the practice.</summary>
[ApiController]
[Route("api/repeats")]
public sealed partial class RepeatPrescriptionController(
    IEpsClient eps,
    Pseudonymizer pseudonymizer,
    MedicinesOptions options,
    ILogger<RepeatPrescriptionController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Practice.Repeats");
    private static readonly Meter Meter = new("Practice.Repeats");
    private static readonly Counter<long> RequestsByItemCount = Meter.CreateCounter<long>("practice.repeat.requests");
    private static readonly Histogram<int> NoteLength = Meter.CreateHistogram<int>("practice.repeat.note_length");

    [HttpPost("")]
    public async Task<ActionResult> RequestAsync([FromBody] RepeatRequestBody body, CancellationToken cancellationToken)
    {
        using var span = Source.StartRxcarePrescription(rxcarePractice: body.NominatedOds);
        span.SetRxcarePatientId(pseudonymizer.PseudonymizeRxcarePatientId(body.NhsNumber)); // clean precision-pseudonym
        span.SetRxcareItemCount(body.DmdCodes.Length); // clean precision-about
        span.Activity?.SetTag("rxcare.item.codes", string.Join(",", body.DmdCodes)); // clean precision-names
        span.Activity?.SetTag("app.subject", HttpContext.User.SubjectId); // leak TC1001 direct
        span.Activity?.SetTag("app.signed_in", HttpContext.User.IsAuthenticated); // clean precision-about

        var request = new RepeatRequest(Guid.NewGuid().ToString("N"), body.NhsNumber, body.DmdCodes, body.Note);
        logger.LogInformation("Repeat request received {@Request}", request); // leak TC1001 logging-objects
        logger.LogDebug("Repeat request {RequestId} for {ItemCount} items, note given {HasNote}", request.RequestId, request.DmdCodes.Count, request.PatientNote is not null); // clean precision-about
        NoteLength.Record(body.Note?.Length ?? 0); // clean precision-about

        try
        {
            var prescriptionId = await eps.SubmitRepeatAsync(request, cancellationToken);
            span.SetRxcareOutcome("accepted"); // clean precision-names
            span.Activity?.SetTag("rxcare.prescription.id", prescriptionId); // clean precision-names
            RequestsByItemCount.Add(1, new TagList { { "items", body.DmdCodes.Length }, { "practice", body.NominatedOds } }); // clean precision-about
            return Ok(new { prescriptionId });
        }
        catch (NominationMismatchException ex)
        {
            logger.LogWarning(ex, "Nomination mismatch for repeat {RequestId}", request.RequestId); // leak TC1001 exceptions
            span.Activity?.SetTag("rxcare.nominated", ex.NominatedOds); // clean exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            return BadRequest("nomination");
        }
        catch (EpsUnavailableException ex)
        {
            span.RecordException(ex, "EPS unavailable", includeMessage: true); // clean exceptions
            logger.LogRxcarePrescriptionFailedEvent(rxcarePractice: body.NominatedOds, rxcareOutcome: "eps-down", rxcareNote: $"request {request.RequestId} for {body.NhsNumber} deferred"); // leak TC1001 generated-api
            return BadRequest("retry");
        }
    }

    [HttpGet("{nhsNumber}/due")]
    public ActionResult Due(string nhsNumber, DateOnly lastIssued)
    {
        var due = lastIssued.AddDays(28 - options.RepeatLeadDays);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Patient"] = nhsNumber, ["Due"] = due }); // leak TC1001 logging-objects
        LogDueChecked(logger, nhsNumber[^4..], due); // clean precision-about
        Activity.Current?.SetTag("rxcare.due.days", due.DayNumber - DateOnly.FromDateTime(DateTime.UtcNow).DayNumber); // clean precision-about
        Activity.Current?.AddEvent(new ActivityEvent("repeat.due", tags: new ActivityTagsCollection { ["patient"] = nhsNumber })); // leak TC1001 direct
        return Ok(new { due });
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Repeat due check for patient ending {NhsLastFour}: due {Due}")]
    private static partial void LogDueChecked(ILogger logger, string nhsLastFour, DateOnly due);
}
