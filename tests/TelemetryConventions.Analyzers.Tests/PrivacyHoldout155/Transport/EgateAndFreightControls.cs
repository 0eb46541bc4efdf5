namespace PrivacyHoldout155.Transport;

/// <summary>
/// The port's border control systems: eGate transits with their watchlist checks, and searches of freight vehicles
/// for people hidden in trailers, with the officer who searched.
/// </summary>
public sealed class EgateAndFreightControls(
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<EgateAndFreightControls> logger)
{
    private readonly Histogram<double> _transit = meter.CreateHistogram<double>("egate.transit.seconds", "s");
    private readonly Counter<long> _searches = meter.CreateCounter<long>("freight.searches", "{search}");
    private string? _officerWarrant;

    public void Transit(EgateTransit transit)
    {
        using var span = source.StartBorderOperation(transit.Port);
        span.SetBorderTravellerId(pseudonymizer.PseudonymizeBorderTravellerId(transit.DocumentNumber)); // clean generated-api
        span.SetBorderOutcome(transit.Outcome); // clean generated-api
        span.SetBorderNote($"Gate {transit.GateId} took {transit.Took.TotalSeconds:0}s"); // clean generated-api
        span.SetBorderNote($"Gate {transit.GateId} read {transit.DocumentNumber}"); // leak TC1001 generated-api
        Activity.Current?.SetTag("egate.id", transit.GateId); // clean precision-about
        Activity.Current?.SetTag("egate.document_hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(transit.DocumentNumber)))); // leak TC1002 hashes
        Activity.Current?.SetTag("egate.document_key", new Guid(MD5.HashData(Encoding.UTF8.GetBytes(transit.DocumentNumber))).ToString()); // leak TC1002 hashes
        Activity.Current?.SetTag("egate.document_shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(transit.DocumentNumber))[0] % 32); // clean hashes
        _transit.Record(transit.Took.TotalSeconds, new KeyValuePair<string, object?>("gate", transit.GateId), new KeyValuePair<string, object?>("outcome", transit.Outcome)); // clean precision-about
        _transit.Record(transit.Took.TotalSeconds, new KeyValuePair<string, object?>("document", transit.DocumentNumber)); // leak TC1003 direct
        meter.CreateBorderGateDurationHistogram().Record(transit.Took.TotalSeconds, borderPort: transit.Port); // clean generated-api
        logger.LogInformation("Transit {Transit}", transit); // leak TC1001 logging-objects
        if (transit.Outcome == "watchlist")
        {
            var ex = new WatchlistMatchException(transit.DocumentNumber);
            span.RecordException(ex); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogBorderOperationFailedEvent(transit.Port, "watchlist", borderTravellerId: pseudonymizer.PseudonymizeBorderTravellerId(transit.DocumentNumber), borderNote: ex.Message); // leak TC1001 exceptions
        }
    }

    public void GateDown(GateOfflineException ex)
    {
        logger.LogError(ex, "Gate offline"); // clean exceptions
        Activity.Current?.SetTag("egate.offline", ex.GateId); // clean exceptions
    }

    public void StartShift(string officerWarrant, string lane)
    {
        _officerWarrant = officerWarrant;
        Activity.Current?.SetTag("freight.lane", lane); // clean precision-about
        Activity.Current?.SetTag("freight.officer", pseudonymizer.PseudonymizeBorderOfficerId(officerWarrant)); // clean precision-pseudonym
    }

    public void Search(VehicleSearch search)
    {
        using var span = source.StartBorderOperation("dover-east");
        span.SetBorderOfficerId(pseudonymizer.PseudonymizeBorderOfficerId(_officerWarrant ?? "unknown")); // clean generated-api
        span.SetBorderPassengerCount(search.PeopleFound); // clean generated-api
        Activity.Current?.SetTag("freight.search", search.SearchId); // clean precision-about
        Activity.Current?.SetTag("freight.trailer", search.TrailerRegistration); // clean precision-about
        Activity.Current?.SetTag("freight.haulier", search.HaulierId); // clean precision-about
        Activity.Current?.SetTag("freight.driver", search.DriverName); // leak TC1001 direct
        Activity.Current?.SetTag("freight.officer.warrant", _officerWarrant); // leak TC1001 cross-member
        _searches.Add(1, new KeyValuePair<string, object?>("lane", search.Lane), new KeyValuePair<string, object?>("found", search.PeopleFound > 0)); // clean precision-about
        _searches.Add(1, new KeyValuePair<string, object?>("officer", _officerWarrant)); // leak TC1003 cross-member
        logger.LogInformation("Search {Search}", search); // leak TC1001 logging-objects
        logger.LogInformation("Search {SearchId} in lane {Lane} found {People}", search.SearchId, search.Lane, search.PeopleFound); // clean precision-about
    }
}
