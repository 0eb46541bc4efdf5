namespace PrivacyHoldout149.Healthcare;

/// <summary>
/// The trust's substance misuse clinics test people on probation under drug rehabilitation
/// requirements and send each result to their probation practitioner.
/// </summary>
public static partial class DrugTestingEndpoints
{
    private static readonly ActivitySource Source = new("Trust.DrugTesting");
    private static readonly Meter Meter = new("Trust.DrugTesting");
    private static readonly Counter<long> Positives = Meter.CreateCounter<long>("drugtest.positive", "{sample}");
    private static readonly Counter<long> ReviewQueue = Meter.CreateCounter<long>("drugtest.review.queued", "{sample}");
    private static readonly Histogram<double> TurnaroundHours = Meter.CreateHistogram<double>("drugtest.turnaround", "h");

    public static EndpointRoutes MapDrugTesting(this EndpointRoutes routes)
    {
        routes.MapPost("/drug-tests", RecordAsync);
        routes.MapGet("/drug-tests/{crn}", History);
        return routes;
    }

    private static async Task<ActionResult> RecordAsync(DrugTestSample sample, IProbationCaseClient probation, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, Meter meter, ILogger<DrugTestSample> logger, CancellationToken cancellationToken)
    {
        var span = Activity.Current.EnrichMhtribunalOperation(sample.ClinicCode);
        span.SetMhtribunalSection("drr");
        if (sample.Positive)
        {
            span.SetMhtribunalNote($"Positive sample {sample.SampleId} for {sample.Crn}"); // leak TC1001 generated-api
        }
        else
        {
            span.SetMhtribunalNote($"Sample {sample.SampleId}: {sample.Substances.Length} substances negative"); // clean generated-api
        }

        meter.CreateMhtribunalApplicationsCounter().Add(1, sample.ClinicCode, sample.Positive ? "positive" : "negative"); // clean generated-api
        Activity.Current?.SetTag("drugtest.substances", string.Join(",", sample.Substances)); // clean precision-about
        Activity.Current?.SetBaggage("probation.crn", sample.Crn); // leak TC1001 direct
        Activity.Current?.SetBaggage("probation.case", pseudonymizer.Compute("probation.case", sample.Crn)); // clean precision-pseudonym
        logger.LogInformation("Drug test recorded {@Sample}", sample); // leak TC1001 logging-objects
        LogResult(logger, sample.SampleId, sample.Crn, sample.Positive); // clean logging-objects
        TurnaroundHours.Record((DateTime.UtcNow - sample.TakenAt).TotalHours, new KeyValuePair<string, object?>("clinic", sample.ClinicCode)); // clean precision-names

        if (sample.Positive)
        {
            Positives.Add(1, new KeyValuePair<string, object?>("clinic", sample.ClinicCode), new KeyValuePair<string, object?>("crn", sample.Crn)); // leak TC1003 direct
            var lane = HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(sample.Crn))[0] % 4;
            ReviewQueue.Add(1, new KeyValuePair<string, object?>("review.lane", lane)); // clean hashes
        }

        try
        {
            await probation.SendResultAsync(sample.Crn, sample, cancellationToken);
            return new OkResult(sample.SampleId);
        }
        catch (CrnUnknownException ex)
        {
            logger.LogError(ex, "Probation rejected result for sample {SampleId}", sample.SampleId); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            logger.LogMhtribunalOperationFailedEvent(sample.ClinicCode, "crn-unknown", mhtribunalNote: ex.Message); // leak TC1001 generated-api
            return new NotFoundResult("Unknown case");
        }
        catch (SampleChainBrokenException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogMhtribunalOperationFailedEvent(sample.ClinicCode, "chain-broken", mhtribunalNote: ex.Message); // clean generated-api
            return new BadRequestResult("Chain of custody broken");
        }
    }

    private static ActionResult History(string crn, Pseudonymizer pseudonymizer, ILogger<DrugTestSample> logger)
    {
        using var activity = Source.StartActivity("drugtest.history");
        activity?.SetTag("http.route", "/drug-tests/{crn}"); // clean precision-names
        activity?.SetTag("url.path", $"/drug-tests/{crn}"); // leak TC1001 strings
        activity?.SetTag("probation.crn.length", crn.Length); // clean precision-about
        logger.LogInformation("History requested for " + crn); // leak TC1001 strings
        logger.LogInformation("History requested for {Case}", pseudonymizer.Compute("probation.case", crn)); // clean precision-pseudonym
        return new OkResult(null);
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Sample {SampleId} for {Crn}: positive {Positive}")]
    private static partial void LogResult(ILogger logger, string sampleId, [PrivateData] string crn, bool positive);
}
