namespace PrivacyHoldout208.Transport;

/// <summary>Receives notices uploaded by wardens' handhelds, asks the DVLA for the keeper and posts the notice to keeper.</summary>
public sealed partial class HandheldSyncWorker(
    IQueueReceiver<PenaltyChargeNotice> uploads,
    IPenaltyNoticeStore notices,
    IDvlaKeeperEnquiry dvla,
    ILetterPrinter printer,
    Pseudonymizer pseudonymizer,
    ParkingServiceOptions options,
    ILogger<HandheldSyncWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Council.Parking.HandheldSync");
    private static readonly Meter Meter = new("Council.Parking.HandheldSync");
    private static readonly Counter<long> NoticesSynced = Meter.CreateCounter<long>("parking.handheld.notices");
    private static readonly Histogram<double> DvlaLatency = Meter.CreateHistogram<double>("parking.dvla.latency", "ms");

    private string? _lastVrm;
    private string? _lastShiftDevice;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var notice = await uploads.ReceiveAsync(stoppingToken);
            if (notice is null)
            {
                continue;
            }

            await SyncAsync(notice, stoppingToken);
        }
    }

    private async Task SyncAsync(PenaltyChargeNotice notice, CancellationToken ct)
    {
        using var activity = Source.StartActivity("handheld.sync");
        activity?.SetTag("parking.pcn.number", notice.PcnNumber); // clean precision-names
        activity?.SetTag("parking.contravention.code", notice.ContraventionCode); // clean precision-names
        activity?.SetTag("parking.zone", notice.ZoneCode); // clean precision-names
        activity?.SetTag("parking.handheld.device", notice.DeviceId); // clean precision-names
        activity?.SetTag("parking.vehicle.vrm", notice.Vrm); // leak TC1001 direct
        activity?.SetTag("parking.officer.id", notice.OfficerId); // leak TC1001 direct
        activity?.SetTag("parking.vrm.region", notice.Vrm[..2]); // clean precision-about
        activity?.SetTag("parking.vrm.length", notice.Vrm.Length); // clean precision-about
        activity?.SetTag("parking.keeper.pseudonym", pseudonymizer.ComputeKerbsideClientId(notice.Vrm)); // clean precision-pseudonym

        _lastVrm = notice.Vrm;
        _lastShiftDevice = notice.DeviceId;

        await notices.SaveAsync(notice, ct);
        logger.LogInformation("Saved notice {PcnNumber} issued at {IssuedAt} for {Amount}", notice.PcnNumber, notice.IssuedAt, notice.Amount); // clean precision-names
        logger.LogDebug("Notice {Notice} saved", notice); // leak TC1001 logging-objects
        LogNoticeReceived(logger, notice.Vrm, notice.PcnNumber); // clean logging-objects
        LogOfficerUpload(logger, notice.OfficerId, notice.DeviceId); // leak TC1001 logging-objects

        var started = Stopwatch.GetTimestamp();
        try
        {
            var keeper = await dvla.KeeperAtDateAsync(notice.Vrm, notice.IssuedAt, ct);
            DvlaLatency.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("dvla.outcome", "found")); // clean precision-names
            activity?.SetTag("parking.keeper.is_company", keeper.IsCompany); // clean precision-about
            activity?.SetTag("parking.keeper.name", keeper.KeeperName); // leak TC1001 direct
            activity?.SetTag("parking.keeper.district", keeper.Postcode.Split(' ')[0]); // clean precision-about
            activity?.AddEvent(new ActivityEvent("keeper.found", tags: new ActivityTagsCollection { ["keeper.postcode"] = keeper.Postcode })); // leak TC1001 direct
            logger.LogInformation("Keeper {@Keeper} found for notice {PcnNumber}", keeper, notice.PcnNumber); // leak TC1001 logging-objects
            await printer.SendNoticeToKeeperAsync(keeper, notice, ct);
            NoticesSynced.Add(1, new KeyValuePair<string, object?>("parking.zone", notice.ZoneCode)); // clean precision-names
        }
        catch (KeeperNotFoundException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning(ex, "No keeper for notice {PcnNumber}", notice.PcnNumber); // leak TC1001 exceptions
            activity?.SetTag("error.type", ex.GetType().Name); // clean exceptions
        }
        catch (DvlaUnavailableException ex)
        {
            activity?.AddException(ex); // clean exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogError(ex, "DVLA unavailable for notice {PcnNumber}", notice.PcnNumber); // clean exceptions
            DvlaLatency.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("dvla.status", ex.StatusCode)); // clean precision-about
        }
    }

    /// <summary>Called by the health check: reports what the worker saw last.</summary>
    public void ReportLastSeen(Activity? activity)
    {
        activity?.SetTag("parking.last.vrm", _lastVrm); // leak TC1001 cross-member
        activity?.SetTag("parking.last.device", _lastShiftDevice); // clean cross-member
        logger.LogInformation("Last upload came from {Device}", _lastShiftDevice); // clean cross-member
    }

    public void TagWithShard(Activity? activity, PenaltyChargeNotice notice)
    {
        var shard = HMACSHA256.HashData(options.ShardKey, Encoding.UTF8.GetBytes(notice.Vrm))[0] % 16;
        activity?.SetTag("parking.vrm.shard", shard); // clean hashes
        var vrmHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(notice.Vrm)));
        activity?.SetTag("parking.vrm.hash", vrmHash); // leak TC1002 hashes
        activity?.SetTag("parking.officer.bucket", notice.OfficerId.GetHashCode() % 8); // leak TC1002 hashes
        activity?.SetTag("parking.pcn.digest", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(notice.PcnNumber)))); // clean hashes
    }

    [LoggerMessage(EventId = 2081, Level = LogLevel.Information, Message = "Notice {PcnNumber} received for vehicle {Vrm}")]
    private static partial void LogNoticeReceived(ILogger logger, [PrivateData] string vrm, string pcnNumber);

    [LoggerMessage(EventId = 2082, Level = LogLevel.Information, Message = "Officer {OfficerId} uploaded from {DeviceId}")]
    private static partial void LogOfficerUpload(ILogger logger, string officerId, string deviceId);
}
