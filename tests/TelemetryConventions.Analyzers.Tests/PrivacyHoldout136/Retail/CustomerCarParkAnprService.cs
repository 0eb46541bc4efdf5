namespace PrivacyHoldout136.Retail;

public sealed record LoyaltyExtension(string Vrm, string CustomerNumber, string StoreId, int ExtraMinutes);

/// <summary>The store car parks' ANPR service: two hours free, an hour more for loyalty members who scan at the till, a penalty charge notice for overstays.</summary>
public sealed class CustomerCarParkAnprService(
    IParkingStore store,
    IKeeperEnquiryClient keeperEnquiry,
    ITariffEngine tariffs,
    AccessOptions options,
    ILogger<CustomerCarParkAnprService> logger,
    ActivitySource activitySource,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private readonly StoreparkDwellDurationHistogram _dwell = meter.CreateStoreparkDwellDurationHistogram();
    private readonly Counter<long> _pcns = meter.CreateCounter<long>("storepark.pcns_issued");
    private readonly ConcurrentDictionary<string, LoyaltyExtension> _extensions = new();

    public void RegisterExtension(LoyaltyExtension extension)
    {
        _extensions[extension.Vrm] = extension;
        Activity.Current?.SetTag("storepark.holder.id", pseudonymizer.PseudonymizeStoreparkHolderId(extension.CustomerNumber).Value); // clean precision-pseudonym
        Activity.Current?.SetTag("storepark.extension_minutes", extension.ExtraMinutes); // clean precision-about
    }

    public async Task OnExitAsync(AnprRead read, CancellationToken cancellationToken)
    {
        using var span = activitySource.StartStoreparkAccess(read.CameraId[..10]);
        span.SetStoreparkDevice(read.CameraId).SetStoreparkDirection("exit"); // clean precision-names
        if (read.Confidence < options.MinimumReadConfidence)
        {
            span.SetStoreparkOutcome("low-confidence"); // clean precision-names
            logger.LogInformation("Low confidence read {Confidence:P0} on lane {Lane}, plate ends {PlateEnd}", read.Confidence, read.Lane, read.Vrm[^3..]); // clean precision-about
            return;
        }

        var session = await store.FindOpenSessionAsync(read.CameraId[..10], read.Vrm, cancellationToken);
        if (session is null)
        {
            logger.LogWarning("Exit without entry: {@Read}", read); // leak TC1001 logging-objects
            return;
        }

        var stay = read.ReadAt - session.EnteredAt;
        _dwell.Record(stay.TotalSeconds, session.CarParkId); // clean generated-api
        var allowed = options.FreeMinutes + options.GraceMinutes + (_extensions.TryGetValue(read.Vrm, out var ext) ? ext.ExtraMinutes : 0);
        span.Activity?.SetTag("storepark.stay_minutes", (int)stay.TotalMinutes); // clean precision-about
        span.Activity?.SetTag("storepark.tariff", tariffs.Quote(session.CarParkId, session.EnteredAt, read.ReadAt).TariffCode); // clean precision-names

        if (stay.TotalMinutes <= allowed)
        {
            return;
        }

        try
        {
            var keeper = await keeperEnquiry.KeeperAtDateAsync(read.Vrm, read.ReadAt, cancellationToken);
            span.Activity?.SetTag("storepark.keeper.company", keeper.IsCompany); // clean precision-about
            span.Activity?.SetTag("storepark.keeper.postcode", keeper.Postcode); // leak TC1001 direct
            var pcn = new PenaltyChargeNotice($"PCN{DateTime.UtcNow:yyMMdd}{Random.Shared.Next(99999):D5}", read.Vrm, "overstay", options.PcnAmount, DateTimeOffset.UtcNow, session.CarParkId, "anpr");
            await store.SavePcnAsync(pcn, cancellationToken);
            span.Activity?.SetTag("storepark.pcn", pcn.PcnNumber); // clean precision-names
            logger.LogInformation("PCN issued {Pcn}", pcn); // leak TC1001 logging-objects
            logger.LogInformation("PCN {PcnNumber} posted to {KeeperName}", pcn.PcnNumber, keeper.KeeperName); // leak TC1001 direct
            _pcns.Add(1, new KeyValuePair<string, object?>("car_park", session.CarParkId), new KeyValuePair<string, object?>("contravention", pcn.ContraventionCode)); // clean precision-names
        }
        catch (KeeperEnquiryException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            span.Activity?.SetTag("storepark.dvla_status", ex.StatusCode); // clean exceptions
        }
    }

    public void LogExtensions() =>
        logger.LogInformation("Loyalty extensions today: {Extensions}", _extensions.Values.Select(e => $"{e.Vrm}:{e.ExtraMinutes}")); // leak TC1001 strings
}
