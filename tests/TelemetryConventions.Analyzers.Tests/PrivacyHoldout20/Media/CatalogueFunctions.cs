using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;
using PrivacyHoldout20.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout20.Media;

public sealed record EntitlementChanged(Guid SubscriberId, string Plan, string Country, DateTimeOffset EffectiveAt, string? PreviousPlan);

public sealed record WatchlistItem(string TitleId, string Kind, DateTimeOffset AddedAt);

public interface IWatchlists
{
    Task<IReadOnlyList<WatchlistItem>> ForProfileAsync(string profileId, string? continuation, CancellationToken cancellationToken);
}

public interface ITranscoder
{
    Task<int> EnqueueRenditionsAsync(string assetId, Stream source, CancellationToken cancellationToken);
}

public sealed class CatalogueFunctions(
    IWatchlists watchlists,
    ITranscoder transcoder,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<CatalogueFunctions> logger)
{
    private readonly Counter<long> _planChanges = meter.CreateCounter<long>("media.plan_changes");

    /// <summary>Studio masters arrive as <c>masters/{assetId}/{fileName}</c>.</summary>
    [Function("MasterUploaded")]
    public async Task MasterUploaded(
        [BlobTrigger("masters/{assetId}/{fileName}", Connection = "Masters")] Stream master,
        string assetId,
        string fileName,
        string blobTrigger,
        FunctionContext context)
    {
        logger.LogInformation("Transcoding {Blob}", blobTrigger); // clean precision-names
        Activity.Current?.SetTag("media.asset", assetId); // clean precision-names
        var renditions = await transcoder.EnqueueRenditionsAsync(assetId, master, context.CancellationToken);
        Activity.Current?.SetTag("media.renditions", renditions);
    }

    [Function("GetWatchlist")]
    public async Task<HttpResponseData> GetWatchlist(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "profiles/{profileId}/watchlist")] HttpRequestData req,
        string profileId)
    {
        Activity.Current?.SetTag("media.profile", profileId); // leak TC1001 direct
        logger.LogDebug("Watchlist request headers {Headers}", req.Headers); // leak TC1001 logging-objects
        var continuation = req.Query["continue"];

        var items = await watchlists.ForProfileAsync(profileId, continuation, req.FunctionContext.CancellationToken);
        Activity.Current?.SetTag("media.watchlist.size", items.Count); // clean precision-about
        logger.LogInformation("Watchlist for {Profile} has {Count} titles", pseudonymizer.ComputeServerlessSubjectId(profileId), items.Count); // clean precision-pseudonym
        logger.LogInformation("Watchlist titles {Titles}", string.Join(",", items.Select(i => i.TitleId))); // clean precision-names
        logger.LogInformation("Watchlist page {Url} served", req.Url); // leak TC1001 strings

        var response = req.CreateResponse(HttpStatusCode.OK);
        await response.WriteAsJsonAsync(items);
        return response;
    }

    [Function("EntitlementChanged")]
    public void OnEntitlementChanged([QueueTrigger("entitlement-changes")] EntitlementChanged change, FunctionContext context)
    {
        using var span = source.StartServerlessInvocation("EntitlementChanged", "queue");
        span.SetServerlessInvocationId(context.InvocationId); // clean precision-names
        span.SetServerlessSubjectId(pseudonymizer.PseudonymizeServerlessSubjectId(change.SubscriberId.ToString())); // clean precision-pseudonym
        span.SetServerlessOutcome($"{change.PreviousPlan ?? "none"} -> {change.Plan}"); // clean precision-names

        _planChanges.Add(1, new KeyValuePair<string, object?>("plan", change.Plan), new KeyValuePair<string, object?>("country", change.Country)); // clean precision-names
        _planChanges.Add(1, new KeyValuePair<string, object?>("subscriber", pseudonymizer.ComputeServerlessSubjectId(change.SubscriberId.ToString()))); // leak TC1003 precision-pseudonym

        logger.LogInformation("Plan {Plan} for subscriber {Subscriber}", change.Plan, change.SubscriberId); // leak TC1001 direct
        if (change.EffectiveAt < DateTimeOffset.UtcNow.AddDays(-1))
        {
            logger.LogWarning("Stale entitlement change {Change}", change); // leak TC1001 logging-objects
        }

        meter.CreateServerlessInvocationsCounter().Add(1, "EntitlementChanged", serverlessTrigger: "queue", serverlessOutcome: change.Plan); // clean generated-api
    }
}
