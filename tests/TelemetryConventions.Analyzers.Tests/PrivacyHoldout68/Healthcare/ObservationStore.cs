using System.Net;
using Microsoft.Azure.Cosmos;

namespace PrivacyHoldout68.Healthcare;

/// <summary>A vital-signs observation as the ward tablets record it. The container is partitioned by /hospitalNumber.</summary>
public sealed record Observation(string id, string hospitalNumber, string Ward, string Kind, double Value, DateTimeOffset TakenAt, string RecordedBy);

/// <summary>The patient's chart summary in the "charts" container: one document per patient, id and partition key the hospital number.</summary>
public sealed record ChartSummary(string id, string Ward, int ObservationCount, DateTimeOffset LastObservedAt, string? EarlyWarningScore);

public sealed record ObservationPage(IReadOnlyList<Observation> Items, string? ContinuationToken, double RequestCharge);

/// <summary>
/// Repository over the clinical record store's "observations" container. The trust's client runs in
/// gateway mode (the ward network only allows 443 out), so the SDK's diagnostics quote request URIs.
/// </summary>
public sealed class ObservationStore
{
    private static readonly ActivitySource Source = new("Trust.ClinicalStore");
    private static readonly Meter StoreMeter = new("Trust.ClinicalStore");
    private static readonly Histogram<double> RequestUnits = StoreMeter.CreateHistogram<double>("cosmos.request_units", "RU");
    private static readonly Counter<long> Throttles = StoreMeter.CreateCounter<long>("cosmos.throttled");

    private readonly Container _observations;
    private readonly Container _charts;
    private readonly ChartOperationsCounter _operations = StoreMeter.CreateChartOperationsCounter();
    private readonly ChartDurationHistogram _duration = StoreMeter.CreateChartDurationHistogram();
    private readonly Pseudonymizer _pseudonymizer;
    private readonly ILogger<ObservationStore> _logger;

    public ObservationStore(CosmosClient client, Pseudonymizer pseudonymizer, ILogger<ObservationStore> logger)
    {
        _observations = client.GetContainer("clinical", "observations");
        _charts = client.GetContainer("clinical", "charts");
        _pseudonymizer = pseudonymizer;
        _logger = logger;
    }

    public async Task<Observation?> GetAsync(string hospitalNumber, string observationId, CancellationToken ct)
    {
        var partitionKey = new PartitionKey(hospitalNumber);
        using var span = Source.StartChartStore("cosmos read observations")
            .SetChartContainer(_observations.Id)
            .SetChartDocumentId(observationId) // clean precision-about
            .SetChartPatientId(_pseudonymizer.PseudonymizeChartPatientId(hospitalNumber)); // clean precision-pseudonym
        try
        {
            var response = await _observations.ReadItemAsync<Observation>(observationId, partitionKey, cancellationToken: ct);
            span.SetChartRequestCharge(response.RequestCharge); // clean precision-about
            span.Activity?.SetTag("db.cosmosdb.status_code", (int)response.StatusCode); // clean precision-about
            _logger.LogDebug("Read observation {ObservationId} ({Charge} RU, etag {ETag})", observationId, response.RequestCharge, response.ETag); // clean precision-about
            return response.Resource;
        }
        catch (CosmosException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            span.SetChartOutcome("not_found");
            _logger.LogInformation("No observation {ObservationId} in partition {PartitionKey}", observationId, partitionKey); // leak TC1001 strings
            return null;
        }
        catch (CosmosException ex)
        {
            span.RecordException(ex).SetStatus(ActivityStatusCode.Error, ex.StatusCode.ToString()); // clean exceptions
            _logger.LogError(ex, "Cosmos read failed with {Status}/{SubStatus}, activity {ActivityId}", ex.StatusCode, ex.SubStatusCode, ex.ActivityId); // clean exceptions
            throw;
        }
    }

    public async Task RecordAsync(Observation observation, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartChartStore("cosmos create observations").SetChartContainer(_observations.Id);
        try
        {
            var response = await _observations.CreateItemAsync(observation, new PartitionKey(observation.hospitalNumber), cancellationToken: ct);
            RequestUnits.Record(response.RequestCharge, new KeyValuePair<string, object?>("container", _observations.Id), new("operation", "create")); // clean precision-about
            _operations.Add(1, _observations.Id, "created"); // clean precision-names
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, _observations.Id, "created");
            if (response.Diagnostics.GetClientElapsedTime() > TimeSpan.FromSeconds(1))
            {
                _logger.LogWarning("Slow observation write: {Diagnostics}", response.Diagnostics); // clean logging-objects
                _logger.LogWarning("Slow observation write took {Elapsed} across {Regions} regions", response.Diagnostics.GetClientElapsedTime(), response.Diagnostics.GetContactedRegions().Count); // clean precision-about
            }
        }
        catch (CosmosException ex) when (ex.StatusCode == HttpStatusCode.Conflict)
        {
            span.SetChartOutcome("conflict").SetChartNote($"observation {observation.id} already recorded for ward {observation.Ward}"); // clean generated-api
            _logger.LogChartWriteRejectedEvent(observation.id, "conflict", _pseudonymizer.PseudonymizeChartPatientId(observation.hospitalNumber), ex.Message); // clean exceptions
        }
        catch (CosmosException ex) when (ex.StatusCode == (HttpStatusCode)429)
        {
            Throttles.Add(1, new KeyValuePair<string, object?>("container", _observations.Id), new("partition", observation.hospitalNumber)); // leak TC1003 direct
            span.SetChartOutcome("throttled").SetChartNote($"retry after {ex.RetryAfter?.TotalMilliseconds} ms"); // clean generated-api
            throw;
        }
    }

    public async Task<ObservationPage> ForWardAsync(string ward, string? continuation, CancellationToken ct)
    {
        var query = new QueryDefinition("SELECT * FROM o WHERE o.Ward = @ward ORDER BY o.TakenAt DESC").WithParameter("@ward", ward);
        using var iterator = _observations.GetItemQueryIterator<Observation>(query, continuation, new QueryRequestOptions { MaxItemCount = 50 });
        var page = await iterator.ReadNextAsync(ct);
        Activity.Current?.SetTag("db.query.text", query.QueryText); // clean precision-names
        Activity.Current?.SetTag("clinical.ward", ward);
        _logger.LogDebug("Ward page of {Count} observations, continuation {Continuation}", page.Count, page.ContinuationToken); // clean precision-about
        var patients = page.Select(o => o.hospitalNumber).Distinct().ToList();
        _logger.LogDebug("Ward {Ward} page covers {Patients}", ward, string.Join(",", patients)); // leak TC1001 strings
        _logger.LogDebug("Ward {Ward} page covers {PatientCount} patients", ward, patients.Count); // clean precision-about
        return new ObservationPage(page.ToList(), page.ContinuationToken, page.RequestCharge);
    }

    public async Task CorrectAsync(string hospitalNumber, string observationId, double value, string etag, string correctedBy, CancellationToken ct)
    {
        var options = new ItemRequestOptions { IfMatchEtag = etag };
        try
        {
            var response = await _observations.PatchItemAsync<Observation>(observationId, new PartitionKey(hospitalNumber),
                new[] { PatchOperation.Set("/Value", value), PatchOperation.Set("/CorrectedBy", correctedBy) }, options, ct);
            Activity.Current?.AddEvent(new ActivityEvent("observation.corrected", tags: new ActivityTagsCollection { ["etag.before"] = etag, ["etag.after"] = response.ETag })); // clean precision-about
            _logger.LogInformation("Observation {ObservationId} corrected by {CorrectedBy}", observationId, correctedBy); // leak TC1001 direct
        }
        catch (CosmosException ex) when (ex.StatusCode == HttpStatusCode.PreconditionFailed)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            _logger.LogWarning("Observation {ObservationId} changed since {ETag}; {Charge} RU spent", observationId, etag, ex.RequestCharge); // clean precision-about
            throw new InvalidOperationException($"Observation {observationId} for patient {hospitalNumber} was changed by another user.", ex);
        }
    }

    public async Task TouchChartAsync(string hospitalNumber, Observation latest, CancellationToken ct)
    {
        var key = new PartitionKey(hospitalNumber);
        try
        {
            var current = await _charts.ReadItemAsync<ChartSummary>(hospitalNumber, key, cancellationToken: ct);
            if (current.Diagnostics.GetClientElapsedTime() > TimeSpan.FromMilliseconds(500))
            {
                _logger.LogWarning("Slow chart read ({Charge} RU): {Diagnostics}", current.RequestCharge, current.Diagnostics.ToString()); // leak TC1001 logging-objects
            }
            var updated = current.Resource with { ObservationCount = current.Resource.ObservationCount + 1, LastObservedAt = latest.TakenAt };
            var replaced = await _charts.ReplaceItemAsync(updated, hospitalNumber, key, new ItemRequestOptions { IfMatchEtag = current.ETag }, ct);
            _logger.LogDebug("Chart {ChartDocument} replaced, {Before} -> {After}", replaced.Resource, current.ETag, replaced.ETag); // leak TC1001 logging-objects
            Activity.Current?.SetTag("chart.observations", updated.ObservationCount); // clean precision-about
        }
        catch (CosmosException ex) when (ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.PreconditionFailed)
        {
            _logger.LogWarning("Chart summary not updated: {Status} {Message}", ex.StatusCode, ex.Message); // clean exceptions
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
        }
    }
}
