namespace PrivacyHoldout208.Energy;

/// <summary>Consumes ANPR reads at the supplier's charging hubs (a topic keyed by plate) and issues overstay charges.</summary>
public sealed partial class ChargingBayOverstayConsumer(
    IConsumer<string, AnprRead> consumer,
    IPenaltyNoticeStore notices,
    Pseudonymizer pseudonymizer,
    ParkingServiceOptions options,
    ILogger<ChargingBayOverstayConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Supplier.ChargingBays.Overstay");
    private static readonly Meter Meter = new("Supplier.ChargingBays.Overstay");
    private static readonly Counter<long> Reads = Meter.CreateCounter<long>("baywatch.anpr.reads");
    private static readonly Histogram<double> Overstay = Meter.CreateHistogram<double>("baywatch.overstay.minutes", "min");

    private readonly Dictionary<string, DateTimeOffset> _arrivals = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            Handle(result);
            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }

    private void Handle(ConsumeResult<string, AnprRead> result)
    {
        var read = result.Message.Value;
        using var activity = Source.StartActivity("baywatch.read");
        activity?.SetTag("messaging.destination", result.Topic); // clean precision-names
        activity?.SetTag("messaging.partition", result.Partition); // clean precision-names
        activity?.SetTag("messaging.offset", result.Offset); // clean precision-names
        activity?.SetTag("messaging.key", result.Message.Key); // leak TC1001 direct
        activity?.SetTag("baywatch.camera", read.CameraId); // clean precision-names
        activity?.SetTag("baywatch.read.confidence", read.Confidence); // clean precision-about
        activity?.SetTag("baywatch.vrm", read.Vrm); // leak TC1001 direct
        activity?.SetTag("baywatch.vrm.known", _arrivals.ContainsKey(read.Vrm)); // clean precision-about
        activity?.SetTag("baywatch.driver", pseudonymizer.ComputeBaywatchClientId(read.Vrm)); // clean precision-pseudonym
        activity?.SetTag("baywatch.driver.raw", Pseudonym.FromComputed(read.Vrm).Value); // leak TC1001 precision-pseudonym
        Reads.Add(1, new KeyValuePair<string, object?>("baywatch.camera", read.CameraId)); // clean precision-names
        Reads.Add(1, new KeyValuePair<string, object?>("baywatch.vrm", read.Vrm)); // leak TC1003 direct

        if (!_arrivals.Remove(read.Vrm, out var arrivedAt))
        {
            _arrivals[read.Vrm] = read.SeenAt;
            logger.LogDebug("Arrival at camera {Camera} with confidence {Confidence}", read.CameraId, read.Confidence); // clean precision-about
            logger.LogDebug("Arrival {Read}", read); // leak TC1001 logging-objects
            return;
        }

        var minutes = (read.SeenAt - arrivedAt).TotalMinutes;
        Overstay.Record(minutes, new KeyValuePair<string, object?>("baywatch.hub", read.CameraId[..4])); // clean precision-names
        activity?.SetTag("baywatch.stay.minutes", minutes); // clean precision-about
        if (minutes <= 90 + options.GracePeriodMinutes)
        {
            return;
        }

        IssueOverstay(read, minutes);
    }

    private void IssueOverstay(AnprRead read, double minutes)
    {
        var notice = new PenaltyChargeNotice($"BW{DateTimeOffset.UtcNow:yyMMddHHmmss}", read.Vrm, "OVR", read.CameraId[..4], "system", read.CameraId, 70m, read.SeenAt);
        var driver = pseudonymizer.PseudonymizeBaywatchClientId(read.Vrm);
        using var op = Source.StartBaywatchOperation(notice.ZoneCode)
            .SetBaywatchClientId(driver) // clean generated-api
            .SetBaywatchChannel("anpr") // clean generated-api
            .SetBaywatchContravention(notice.ContraventionCode) // clean generated-api
            .SetBaywatchMinutes((long)minutes); // clean generated-api
        op.SetBaywatchNote($"overstay by {read.Vrm}"); // leak TC1001 generated-api
        op.SetBaywatchOutcome("issued"); // clean generated-api
        Meter.CreateBaywatchOperationsCounter().Add(1, baywatchSite: notice.ZoneCode, baywatchOutcome: "issued"); // clean generated-api
        Meter.CreateBaywatchOperationDurationHistogram().Record(minutes * 60, baywatchSite: driver.Value); // leak TC1003 generated-api
        LogOverstay(logger, read.Vrm, notice.PcnNumber, minutes); // clean logging-objects
        LogOverstayPlain(logger, read.Vrm, minutes); // leak TC1001 logging-objects
        logger.LogInformation("Issued {PcnNumber} at {Hub} for {Minutes} minutes", notice.PcnNumber, notice.ZoneCode, minutes); // clean precision-names
        logger.LogInformation("Issued {Notice}", notice); // leak TC1001 logging-objects
        logger.LogInformation("Issued {Notice}", new NoticeSummary(notice.PcnNumber, notice.ContraventionCode, notice.ZoneCode, notice.Amount, "issued")); // clean logging-objects
        logger.LogInformation("Issued for driver {Driver}", pseudonymizer.ComputeBaywatchClientId(read.Vrm)); // clean precision-pseudonym
        Activity.Current?.AddBaggage("baywatch.vrm", read.Vrm); // leak TC1001 direct
        Activity.Current?.AddBaggage("baywatch.driver", driver.Value); // clean precision-pseudonym
    }

    /// <summary>Writes the hub's queue of plates waiting to leave to the trace, for the night shift.</summary>
    public void TagWaiting(Activity? activity)
    {
        activity?.SetTag("baywatch.waiting.count", _arrivals.Count); // clean precision-about
        activity?.SetTag("baywatch.waiting.vrms", string.Join(";", _arrivals.Keys)); // leak TC1001 strings
        activity?.SetTag("baywatch.waiting.oldest", _arrivals.Values.DefaultIfEmpty().Min()); // clean precision-about
        activity?.SetTag("baywatch.waiting.first", string.Format("first {0} since {1:t}", _arrivals.Keys.FirstOrDefault(), _arrivals.Values.FirstOrDefault())); // leak TC1001 strings
    }

    public void TagHashes(Activity? activity, AnprRead read)
    {
        activity?.SetTag("baywatch.vrm.sha", Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(read.Vrm)))); // leak TC1002 hashes
        activity?.SetTag("baywatch.vrm.keyed", Convert.ToBase64String(HMACSHA256.HashData(options.ShardKey, Encoding.ASCII.GetBytes(read.Vrm)))); // clean hashes
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "Overstay by {Vrm} on {PcnNumber}: {Minutes} minutes")]
    private static partial void LogOverstay(ILogger logger, [PrivateData] string vrm, string pcnNumber, double minutes);

    [LoggerMessage(EventId = 31, Level = LogLevel.Information, Message = "Overstay by {Vrm}: {Minutes} minutes")]
    private static partial void LogOverstayPlain(ILogger logger, string vrm, double minutes);
}
