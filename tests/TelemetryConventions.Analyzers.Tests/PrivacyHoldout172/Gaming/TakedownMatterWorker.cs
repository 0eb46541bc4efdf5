namespace PrivacyHoldout172.Gaming;

/// <summary>
/// IP enforcement: opens takedown matters with outside counsel for cheat sellers and leaked builds. The people
/// behind a seller's storefront are persons; the storefront's platform and the listing are things.
/// </summary>
public sealed partial class TakedownMatterWorker(
    IQueueReceiver<ConflictCheckRequest> requests,
    IConflictSearch conflicts,
    ILogger<TakedownMatterWorker> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets) : BackgroundService
{
    private const string Firm = "Harbottle & Lewis";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await requests.ReceiveAsync(stoppingToken) is { } request)
        {
            using var span = source.StartStudiolegalOperation(Firm);
            span.SetStudiolegalMatterId(request.MatterId); // clean generated-api
            span.SetStudiolegalStep("conflict_check"); // clean generated-api
            span.SetStudiolegalFeeEarnerId(pseudonymizer.PseudonymizeStudiolegalFeeEarnerId(request.RequestedByEmail)); // clean generated-api
            var seller = request.OpposingParties.FirstOrDefault() ?? "";
            span.SetStudiolegalNote($"takedown against {seller}"); // leak TC1001 generated-api

            LogRequest(logger, request); // leak TC1001 logging-objects
            LogRequester(logger, request.MatterId, request.RequestedByEmail); // clean direct

            var hits = await conflicts.SearchAsync(request, stoppingToken);
            var names = hits.Select(h => h.MatchedName).ToArray();
            var text = new StringBuilder().Append("matched: ").AppendJoin(',', names).ToString();
            span.Activity?.AddEvent(new ActivityEvent("conflict.hits", tags: new ActivityTagsCollection { ["hits"] = text })); // leak TC1001 strings
            span.Activity?.AddEvent(new ActivityEvent("conflict.hits", tags: new ActivityTagsCollection { ["count"] = names.Length })); // clean precision-about

            var cohort = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(seller)))[..6];
            span.Activity?.SetTag("takedown.cohort", cohort); // clean hashes
            var sellerKey = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(seller))[..16]);
            span.Activity?.SetTag("takedown.seller_key", sellerKey); // leak TC1002 hashes

            span.SetStudiolegalItemCount(hits.Count); // clean generated-api
            span.SetStudiolegalOutcome(hits.Count == 0 ? "cleared" : "conflict"); // clean generated-api
            meter.CreateStudiolegalOperationsCounter().Add(1, Firm, hits.Count == 0 ? "cleared" : "conflict"); // clean generated-api

            if (hits.Count > 0)
            {
                span.RecordException(new ConflictFoundException(hits[0].MatchedName, hits[0].MatchedMatterId), includeMessage: true); // leak TC1001 exceptions
                span.SetStatus(ActivityStatusCode.Error, "conflict"); // clean exceptions
            }
        }
    }

    [LoggerMessage(EventId = 8801, Level = LogLevel.Information, Message = "Takedown conflict check {Request}")]
    private static partial void LogRequest(ILogger logger, ConflictCheckRequest request);

    [LoggerMessage(EventId = 8802, Level = LogLevel.Information, Message = "Takedown matter {MatterId} requested by {Requester}")]
    private static partial void LogRequester(ILogger logger, string matterId, [PrivateData] string requester);
}
