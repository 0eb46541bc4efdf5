namespace PrivacyHoldout208.Media;

/// <summary>A broadcaster's studio lot: notices to contributors' and visitors' cars, keeper enquiries and appeals, stored with telemetry around the store.</summary>
public sealed partial class StudioLotAppealRepository(
    IAppealStore appeals,
    IPenaltyNoticeStore notices,
    IDvlaKeeperEnquiry dvla,
    Pseudonymizer pseudonymizer,
    ParkingServiceOptions options,
    ILogger<StudioLotAppealRepository> logger)
{
    private static readonly ActivitySource Source = new("Broadcaster.StudioLot.Parking");
    private static readonly Meter Meter = new("Broadcaster.StudioLot.Parking");
    private static readonly Counter<long> Enquiries = Meter.CreateCounter<long>("lot.keeper.enquiries");
    private static readonly Histogram<double> EnquirySeconds = Meter.CreateHistogram<double>("lot.keeper.enquiry.duration", "s");

    private Appeal? _pending;

    private static string KeeperKey(PenaltyChargeNotice notice) => notice.Vrm.Replace(" ", string.Empty).ToUpperInvariant();

    private static string NoticeKey(PenaltyChargeNotice notice) => $"{notice.ZoneCode}/{notice.PcnNumber}";

    public async Task<KeeperDetails?> EnquireAsync(string pcnNumber, string gate, CancellationToken ct)
    {
        using var activity = Source.StartActivity("lot.keeper.enquiry");
        activity?.SetTag("lot.gate", gate); // clean precision-names
        var notice = await notices.FindAsync(pcnNumber, ct);
        if (notice is null)
        {
            return null;
        }

        activity?.SetTag("lot.notice.key", NoticeKey(notice)); // clean cross-member
        activity?.SetTag("lot.keeper.key", KeeperKey(notice)); // leak TC1001 cross-member
        activity?.SetTag("lot.keeper.enquiry_source", "kadoe"); // clean precision-names
        activity?.SetTag("lot.officer", notice.OfficerId); // leak TC1001 direct
        activity?.SetTag("lot.notice.amount", notice.Amount); // clean precision-about
        activity?.SetTag("lot.keeper", pseudonymizer.PseudonymizeLotwardenClientId(KeeperKey(notice)).Value); // clean precision-pseudonym
        Enquiries.Add(1, new KeyValuePair<string, object?>("lot.gate", gate)); // clean precision-names
        Enquiries.Add(1, new KeyValuePair<string, object?>("lot.keeper", KeeperKey(notice))); // leak TC1003 cross-member

        var started = Stopwatch.GetTimestamp();
        try
        {
            var keeper = await dvla.KeeperAtDateAsync(notice.Vrm, notice.IssuedAt, ct);
            EnquirySeconds.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("lot.keeper.company", keeper.IsCompany)); // clean precision-about
            activity?.SetTag("lot.keeper.address", $"{keeper.AddressLine}, {keeper.Postcode}"); // leak TC1001 strings
            activity?.SetTag("lot.keeper.name_length", keeper.KeeperName.Length); // clean precision-about
            logger.LogInformation("Keeper for {PcnNumber}: {Keeper}", pcnNumber, keeper); // leak TC1001 logging-objects
            logger.LogInformation("Keeper for {PcnNumber} is a company: {IsCompany}", pcnNumber, keeper.IsCompany); // clean precision-about
            LogKeeperFound(logger, keeper.KeeperName, keeper.Postcode, pcnNumber); // clean logging-objects
            LogKeeperPostcode(logger, keeper.Postcode, pcnNumber); // leak TC1001 logging-objects
            return keeper;
        }
        catch (KeeperNotFoundException ex)
        {
            logger.LogError("Keeper enquiry failed: {Error}", ex); // leak TC1001 exceptions
            logger.LogError("Keeper enquiry failed: {Error}", ex.GetType().Name); // clean exceptions
            return null;
        }
        catch (DvlaUnavailableException ex)
        {
            logger.LogError("Keeper enquiry failed: {Error}", ex); // clean exceptions
            activity?.AddException(ex); // clean exceptions
            return null;
        }
    }

    public async Task SaveAppealAsync(Appeal appeal, CancellationToken ct)
    {
        using var activity = Source.StartActivity("lot.appeal.save");
        activity?.SetTag("lot.appeal.id", appeal.AppealId); // clean precision-names
        activity?.SetTag("lot.appeal.grounds", appeal.GroundsCode); // clean precision-names
        activity?.SetTag("lot.appeal.photos", appeal.PhotoCount); // clean precision-about
        activity?.SetTag("lot.appellant.email", appeal.AppellantEmail); // leak TC1001 direct
        activity?.SetTag("lot.appellant.email_template", "appeal-received-v3"); // clean precision-names
        activity?.AddEvent(new ActivityEvent("appeal.statement", tags: new ActivityTagsCollection { ["statement"] = appeal.Statement })); // leak TC1001 direct
        activity?.AddEvent(new ActivityEvent("appeal.statement", tags: new ActivityTagsCollection { ["statement.length"] = appeal.Statement.Length })); // clean precision-about

        _pending = appeal;
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["AppealId"] = appeal.AppealId, ["Appellant"] = appeal.AppellantName }); // leak TC1001 logging-objects
        using var cleanScope = logger.BeginScope(new Dictionary<string, object?> { ["AppealId"] = appeal.AppealId, ["PcnNumber"] = appeal.PcnNumber }); // clean logging-objects
        logger.LogInformation("Saving {@Appeal}", appeal); // leak TC1001 logging-objects
        logger.LogInformation("Saving {Appeal}", new { appeal.AppealId, appeal.GroundsCode, appeal.PhotoCount }); // clean logging-objects

        try
        {
            await appeals.SaveAsync(appeal, ct);
        }
        catch (AppealRejectedException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            throw;
        }

        var appellant = pseudonymizer.PseudonymizeLotwardenClientId(appeal.AppellantEmail);
        using var op = Source.StartLotwardenOperation("studio-lot-a")
            .SetLotwardenClientId(appellant) // clean generated-api
            .SetLotwardenChannel("portal") // clean generated-api
            .SetLotwardenOutcome("appealed"); // clean generated-api
        op.SetLotwardenNote(appeal.AppellantEmail); // leak TC1001 generated-api
        op.SetLotwardenNote(string.Concat("appeal by ", appeal.AppellantName)); // leak TC1001 generated-api
        op.SetLotwardenNote($"{appeal.PhotoCount} photos, grounds {appeal.GroundsCode}"); // clean generated-api
        Meter.CreateLotwardenOperationsCounter().Add(1, lotwardenSite: "studio-lot-a", lotwardenOutcome: "appealed"); // clean generated-api
        Meter.CreateLotwardenOperationDurationHistogram().Record(0.2, lotwardenSite: appeal.AppellantEmail); // leak TC1003 generated-api
    }

    /// <summary>Called by the nightly report of appeals still waiting for a decision.</summary>
    public void TagPending(Activity? activity)
    {
        activity?.SetTag("lot.pending.appeal", _pending?.AppealId); // clean cross-member
        activity?.SetTag("lot.pending.appellant", _pending?.AppellantName); // leak TC1001 cross-member
        activity?.SetTag("lot.pending.statement_digest", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(_pending?.Statement ?? "")))); // leak TC1002 hashes
        activity?.SetTag("lot.pending.email_key", Convert.ToHexString(HMACSHA256.HashData(options.ShardKey, Encoding.UTF8.GetBytes(_pending?.AppellantEmail ?? "")))); // clean hashes
    }

    [LoggerMessage(EventId = 50, Level = LogLevel.Information, Message = "Keeper {KeeperName} at {Postcode} for {PcnNumber}")]
    private static partial void LogKeeperFound(ILogger logger, [PrivateData] string keeperName, [PrivateData] string postcode, string pcnNumber);

    [LoggerMessage(EventId = 51, Level = LogLevel.Information, Message = "Keeper at {Postcode} for {PcnNumber}")]
    private static partial void LogKeeperPostcode(ILogger logger, string postcode, string pcnNumber);
}
