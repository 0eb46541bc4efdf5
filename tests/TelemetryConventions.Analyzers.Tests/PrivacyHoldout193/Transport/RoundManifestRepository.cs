namespace PrivacyHoldout193.Transport;

public sealed record ManifestStop(string StopId, string RoundId, string TrackingNumber, string RecipientName, string Postcode, string ParcelKind, int Sequence);

/// <summary>The courier's round manifests: the stops a driver makes, kept for the day.</summary>
public sealed class RoundManifestRepository(Pseudonymizer pseudonymizer, ILogger<RoundManifestRepository> logger)
{
    private static readonly ActivitySource Source = new("Courier.Manifests");
    private static readonly Meter Meter = new("Courier.Manifests");
    private static readonly Histogram<int> StopsPerRound = Meter.CreateHistogram<int>("manifest.stops");

    private readonly Dictionary<string, List<ManifestStop>> _rounds = new();
    private ManifestStop? _lastFailedStop;

    public void Load(string roundId, IReadOnlyList<ManifestStop> stops)
    {
        using var activity = Source.StartActivity("manifest.load");
        _rounds[roundId] = stops.ToList();
        activity?.SetTag("manifest.round_id", roundId); // clean precision-names
        activity?.SetTag("manifest.stop_count", stops.Count); // clean precision-about
        activity?.SetTag("manifest.kit_parcels", stops.Count(s => s.ParcelKind == "test-kit")); // clean precision-about
        StopsPerRound.Record(stops.Count, new KeyValuePair<string, object?>("round", roundId)); // clean precision-names
        logger.LogInformation("Loaded {Round}: {Stops}", roundId, string.Join(";", stops.Select(s => s.Postcode))); // leak TC1001 strings
        logger.LogInformation("Loaded {Round}: {Districts}", roundId, string.Join(";", stops.Select(s => s.Postcode.Split(' ')[0]).Distinct())); // clean strings
        logger.LogDebug("First stop {Stop}", stops[0]); // leak TC1001 logging-objects
        logger.LogDebug("First stop {Stop}", stops[0] with { RecipientName = "-", Postcode = "-" }); // clean logging-objects
    }

    public void MarkFailed(string roundId, string stopId, string reason)
    {
        using var activity = Source.StartActivity("manifest.failed");
        var stop = _rounds[roundId].First(s => s.StopId == stopId);
        _lastFailedStop = stop;
        activity?.SetTag("manifest.stop_id", stop.StopId); // clean precision-names
        activity?.SetTag("manifest.reason", reason); // clean precision-about
        activity?.SetTag("manifest.recipient", stop.RecipientName); // leak TC1001 direct
        activity?.SetTag("manifest.recipient", pseudonymizer.Compute(Spaces.Client, stop.RecipientName)); // clean precision-pseudonym
        activity?.AddEvent(new ActivityEvent("stop.failed", tags: new ActivityTagsCollection { ["stop"] = stop.StopId, ["sequence"] = stop.Sequence })); // clean precision-names
        ReportCard();
    }

    private void ReportCard()
    {
        if (_lastFailedStop is null)
        {
            return;
        }

        logger.LogInformation("Card left for {Name} at {Postcode}", _lastFailedStop.RecipientName, _lastFailedStop.Postcode); // leak TC1001 cross-member
        logger.LogInformation("Card left for stop {StopId} on {Round}", _lastFailedStop.StopId, _lastFailedStop.RoundId); // clean cross-member
    }
}
