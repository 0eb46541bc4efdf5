namespace PrivacyHoldout76.Healthcare;

/// <summary>
/// Mirrors a sample of the results API's traffic to the new FHIR results service before it takes
/// over. The results API's routes are <c>GET /api/patients/{nhsNumber}/results</c>,
/// <c>GET /api/results?subject={nhsNumber}&amp;since=…</c> and <c>POST /api/results/{resultId}/acknowledgements</c>,
/// whose body is <c>{"nhsNumber":"…","clinician":"…","comment":"…"}</c>. Answers carry the patient's
/// NHS number, name and date of birth beside the observations.
/// </summary>
public sealed class ResultsShadowMirror(IShadowSender shadow, ShardKey shardKey, Pseudonymizer pseudonymizer, Meter meter, ILogger<ResultsShadowMirror> logger)
{
    private const string ShadowHost = "fhir-results-shadow.rxh.internal";
    private static readonly ActivitySource Source = new("Trust.Results.Shadow");
    private readonly Counter<long> _mirrored = meter.CreateCounter<long>("results.shadow.mirrored");
    private readonly Counter<long> _mismatches = meter.CreateCounter<long>("results.shadow.mismatches");
    private string? _lastMismatchPath;

    public async Task MirrorAsync(IncomingRequest request, int primaryStatus, string primaryBody, CancellationToken ct)
    {
        var nhsNumber = request.RouteValues.GetValueOrDefault("nhsNumber") ?? QueryString.Get(request.Query, "subject") ?? "unknown";
        var lane = HMACSHA256.HashData(shardKey.Key, Encoding.UTF8.GetBytes(nhsNumber))[0] % 10;
        if (lane != 0)
        {
            return;
        }

        var mirrored = MirroredRequest.From(request, ShadowHost);
        using var activity = Source.StartActivity("results.shadow", ActivityKind.Client);
        activity?.SetTag("shadow.lane", lane); // clean hashes
        activity?.SetTag("shadow.patient.digest", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(nhsNumber)))[..10]); // leak TC1002 hashes
        activity?.SetTag("shadow.route", mirrored.RouteTemplate); // clean precision-about
        activity?.SetTag("shadow.path", mirrored.Path); // leak TC1001 strings
        activity?.SetTag("shadow.query", mirrored.Query); // leak TC1001 strings
        activity?.SetTag("shadow.host", mirrored.ShadowHost);
        logger.LogDebug("Mirroring {Request}", mirrored); // leak TC1001 logging-objects
        logger.LogDebug("Mirroring {Method} {Route} to {Host}", mirrored.Method, mirrored.RouteTemplate, mirrored.ShadowHost); // clean precision-about
        if (mirrored.Body is not null)
        {
            activity?.AddEvent(new ActivityEvent("shadow.request.body", tags: new ActivityTagsCollection { ["body"] = mirrored.Body })); // leak TC1001 direct
            activity?.AddEvent(new ActivityEvent("shadow.request.body", tags: new ActivityTagsCollection { ["body.length"] = mirrored.Body.Length })); // clean precision-about
        }
        _mirrored.Add(1, new KeyValuePair<string, object?>("route", mirrored.RouteTemplate), new KeyValuePair<string, object?>("method", mirrored.Method));

        ShadowResponse answer;
        try
        {
            answer = await shadow.SendAsync(mirrored, ct);
        }
        catch (HttpRequestException ex)
        {
            activity?.AddException(ex); // clean exceptions
            return;
        }

        var differences = JsonDiff.Compare(primaryBody, answer.Body);
        var comparison = new ShadowComparison(mirrored.RouteTemplate, primaryStatus, answer.Status, differences);
        activity?.SetTag("shadow.match", comparison.Matches);
        if (comparison.Matches)
        {
            return;
        }

        activity?.SetTag("shadow.diff.paths", string.Join(",", differences.Select(d => d.JsonPath))); // clean precision-about
        logger.LogWarning("Shadow mismatch on {Comparison}", comparison); // clean logging-objects
        logger.LogWarning("Shadow mismatch on {Route}: {Differences}", mirrored.RouteTemplate, string.Join("; ", differences)); // leak TC1001 logging-objects
        _mismatches.Add(1, new KeyValuePair<string, object?>("route", mirrored.RouteTemplate), new KeyValuePair<string, object?>("status.match", primaryStatus == answer.Status)); // clean precision-about
        _mismatches.Add(1, new KeyValuePair<string, object?>("patient", nhsNumber)); // leak TC1003 direct
        logger.LogPortalopsProbeFailedEvent("shadow:results", "mismatch", pseudonymizer.PseudonymizePortalopsPatientId(nhsNumber), $"{differences.Count} fields differ on {mirrored.RouteTemplate}"); // clean precision-pseudonym
        _lastMismatchPath = mirrored.Url();
    }

    public void ReportLastMismatch()
    {
        if (_lastMismatchPath is not null)
        {
            logger.LogInformation("Last shadow mismatch at {Path}", _lastMismatchPath); // leak TC1001 cross-member
        }
    }
}

internal static class MirroredRequestExtensions
{
    public static string Url(this MirroredRequest request) => request.Path + request.Query;
}
