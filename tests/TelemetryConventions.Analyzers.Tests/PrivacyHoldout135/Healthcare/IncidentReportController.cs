namespace PrivacyHoldout135.Healthcare;

/// <summary>The body the ward's incident form posts.</summary>
public sealed record IncidentSubmission(
    string Ward,
    string Category,
    HarmGrade Harm,
    DateTimeOffset OccurredAt,
    string Narrative,
    string HospitalNumber,
    string PatientName,
    string? WitnessName,
    string? WitnessPhone);

/// <summary>Patient safety incidents and near misses from the ward's e-form, forwarded to the incident platform.</summary>
[ApiController]
[Route("api/patient-safety/incidents")]
public sealed partial class IncidentReportController(
    IIncidentClient incidents,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    IncidentOptions options,
    ILogger<IncidentReportController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Trust.PatientSafety.Incidents");
    private static readonly Meter Meter = new("Trust.PatientSafety.Incidents");
    private static readonly Counter<long> FallsByWard = Meter.CreateCounter<long>("patsafe.falls", "{fall}");
    private static readonly PatsafeReportsCounter Reports = Meter.CreatePatsafeReportsCounter();

    [HttpPost("")]
    public async Task<ActionResult> Submit([FromBody] IncidentSubmission submission, CancellationToken ct)
    {
        var staffNumber = HttpContext.User.SubjectId ?? "unknown";
        var incidentRef = $"INC-{submission.OccurredAt:yyyy}-{Random.Shared.Next(100000, 999999)}";
        using var span = Source.StartPatsafeReport(incidentRef);
        span.SetPatsafeCategory(submission.Category); // clean precision-names
        span.SetPatsafeWard(submission.Ward); // clean precision-names
        span.SetPatsafeReporterId(pseudonymizer.PseudonymizePatsafeReporterId(staffNumber)); // clean precision-pseudonym
        span.SetPatsafePatientId(pseudonymizer.PseudonymizePatsafePatientId(submission.HospitalNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("patsafe.harm", submission.Harm.ToString()); // clean precision-about
        span.Activity?.SetTag("patsafe.narrative.length", submission.Narrative.Length); // clean precision-about
        span.Activity?.SetTag("patsafe.witness.present", submission.WitnessName is not null); // clean precision-about

        logger.LogInformation("Incident {IncidentRef} reported on {Ward} for patient {HospitalNumber}", incidentRef, submission.Ward, submission.HospitalNumber); // leak TC1001 direct

        var report = new IncidentReport(
            incidentRef,
            submission.Category,
            submission.Harm,
            submission.Ward,
            submission.OccurredAt,
            staffNumber,
            submission.Narrative,
            BuildPeople(submission));

        try
        {
            var result = await incidents.SubmitAsync(report, ct);
            span.SetPatsafeOutcome(result.Status); // clean precision-names
            span.Activity?.SetTag("patsafe.handler.queue", result.HandlerQueue ?? options.DefaultHandlerQueue); // clean precision-names
            Reports.Add(1, submission.Ward, submission.Category, result.Status); // clean generated-api
            if (submission.Category == "slip-trip-fall")
            {
                FallsByWard.Add(1, new KeyValuePair<string, object?>("ward", submission.Ward), new KeyValuePair<string, object?>("harm", submission.Harm.ToString())); // clean precision-about
            }

            LogSubmitted(logger, incidentRef, report); // leak TC1001 logging-objects
            return Ok(new { result.IncidentRef, result.Status });
        }
        catch (IncidentValidationException ex) when (ex.Field == "patient.identifier")
        {
            // The platform quotes the value it refused: here the hospital number as typed on the form.
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogPatsafeReportFailedEvent(incidentRef, "rejected", patsafeNote: $"field {ex.Field} refused"); // clean generated-api
            return BadRequest("The hospital number was not recognised");
        }
        catch (DuplicateIncidentException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return Ok(new { ex.IncidentRef, Status = "duplicate" });
        }
        catch (IncidentPlatformUnavailableException ex)
        {
            logger.LogWarning(ex, "Incident platform down; {IncidentRef} queued for retry", incidentRef); // clean exceptions
            span.SetPatsafeNote($"queued for {submission.PatientName}, retry in {ex.RetryAfter.TotalSeconds:0}s"); // leak TC1001 generated-api
            return Ok(new { incidentRef, Status = "queued" });
        }
    }

    [HttpGet("{incidentRef}/shard")]
    public ActionResult Shard(string incidentRef, [FromBody] IncidentSubmission submission)
    {
        var shard = KeyedShard.Of(secrets.ShardKey, submission.HospitalNumber, options.ShardCount);
        Activity.Current?.SetTag("patsafe.patient.shard", shard); // clean hashes
        var legacyBucket = submission.HospitalNumber.GetHashCode() & 0xF;
        Activity.Current?.SetTag("patsafe.patient.bucket", legacyBucket); // leak TC1002 hashes
        return Ok(shard);
    }

    private static List<InvolvedPerson> BuildPeople(IncidentSubmission submission)
    {
        var people = new List<InvolvedPerson>
        {
            new(PersonRole.Patient, submission.HospitalNumber, submission.PatientName, null, null, submission.Harm > HarmGrade.None),
        };
        if (submission.WitnessName is not null)
        {
            people.Add(new(PersonRole.Witness, "", submission.WitnessName, submission.WitnessPhone, null, false));
        }

        return people;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Incident {IncidentRef} submitted: {Report}")]
    private static partial void LogSubmitted(ILogger logger, string incidentRef, IncidentReport report);
}
