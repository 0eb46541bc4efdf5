namespace PrivacyHoldout167.Transport;

/// <summary>Issues penalty notices for unpaid tolls after the payment window: looks up the keeper and posts the notice.</summary>
public sealed partial class UnpaidTollNoticeService(
    IKeeperLookup keepers,
    IPenaltyStore notices,
    Pseudonymizer pseudonymizer,
    ILogger<UnpaidTollNoticeService> logger)
{
    private static readonly ActivitySource Source = new("TollRoad.Enforcement");
    private static readonly Meter Meter = new("TollRoad.Enforcement");
    private readonly TollroadOperationDurationHistogram _duration = Meter.CreateTollroadOperationDurationHistogram();

    public async Task IssueAsync(string tripId, string vrm, DateTimeOffset crossedAt, decimal toll, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartTollroadOperation("enforcement");
        span.SetTollroadTripRef(tripId); // clean generated-api
        span.SetTollroadNote("unpaid " + toll.ToString("F2", CultureInfo.InvariantCulture)); // clean generated-api
        var keeperVrm = Plates.Normalise(vrm);
        TagVehicle(span.Activity, keeperVrm); // leak TC1001 cross-member
        try
        {
            var keeper = await keepers.FindKeeperAsync(keeperVrm, crossedAt, cancellationToken) ?? throw new VehicleNotFoundException(keeperVrm);
            span.SetTollroadNote(keeper.KeeperName); // leak TC1001 generated-api
            LogKeeper(logger, tripId, keeper.KeeperName, keeper.Postcode); // clean precision-names
            LogKeeperRaw(logger, tripId, keeper.Postcode); // leak TC1001 direct
            logger.LogInformation("Keeper found for trip {Trip}: company {Company}", tripId, keeper.IsCompany); // clean precision-about

            var notice = new PenaltyNotice($"TPN{tripId}", keeperVrm, "UNPAID", "M6T", toll + 50m, "system");
            await notices.SaveAsync(notice, cancellationToken);
            span.SetTollroadNote(notice.ToString()); // leak TC1001 generated-api
            span.SetTollroadOutcome("issued"); // clean generated-api
            logger.LogInformation("Notice {Notice} issued for {Amount}", notice.NoticeNumber, notice.Amount); // clean precision-about
        }
        catch (VehicleNotFoundException ex)
        {
            logger.LogWarning(ex, "No keeper for trip {Trip}", tripId); // leak TC1001 exceptions
            span.RecordException(ex, "no keeper"); // clean exceptions
        }
        catch (KeeperEnquiryException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            throw new InvalidOperationException($"Keeper enquiry failed for {keeperVrm}", ex); // leak TC1001 exceptions
        }
        finally
        {
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "enforcement"); // clean generated-api
        }
    }

    private static void TagVehicle(Activity? activity, string vrm) =>
        activity?.SetTag("toll.vehicle", vrm); // leak TC1001 direct

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Keeper for trip {Trip}: {Name}, {Postcode}")]
    private static partial void LogKeeper(ILogger logger, string trip, [PrivateData] string name, [PrivateData] string postcode);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Information, Message = "Keeper for trip {Trip} lives in {Postcode}")]
    private static partial void LogKeeperRaw(ILogger logger, string trip, string postcode);
}
