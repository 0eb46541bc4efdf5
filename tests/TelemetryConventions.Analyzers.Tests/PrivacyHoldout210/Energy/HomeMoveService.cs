using PrivacyHoldout210.Support;
using PrivacyHoldout210.Telemetry;

namespace PrivacyHoldout210.Energy;

/// <summary>A customer moving home: the supplier closes the old account and passes the move to the council's council tax team.</summary>
public sealed record HomeMove(string EnergyAccount, string CustomerName, string OldAddress, string NewAddress, string NewPostcode, string Mpan, string MeterSerial, DateOnly MoveDate, string Tariff);

/// <summary>The council's reply to a move notification.</summary>
public sealed record CouncilReply(string NotificationId, string CouncilCode, bool Accepted, string? Reason);

public sealed partial class HomeMoveService(
    ICouncilTaxStore councilTax,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<HomeMoveService> logger)
{
    private readonly Histogram<double> _notifyTime = meter.CreateHistogram<double>("homemove.notify.duration", "s");
    private readonly Dictionary<string, HomeMove> _pendingByNotification = new();

    public async Task<CouncilReply> NotifyAsync(HomeMove move, CancellationToken cancellationToken)
    {
        using var span = source.StartMoveinOperation("home-moves");
        span.SetMoveinResidentId(pseudonymizer.PseudonymizeMoveinResidentId(move.EnergyAccount)); // clean generated-api
        span.SetMoveinKind("council-tax-notify"); // clean generated-api
        Activity.Current?.SetTag("homemove.tariff", move.Tariff); // clean precision-names
        Activity.Current?.SetTag("homemove.mpan", move.Mpan); // leak TC1001 direct
        Activity.Current?.SetTag("homemove.mpan.distributor", move.Mpan[..2]); // clean precision-about
        Activity.Current?.SetTag("homemove.meter.serial", move.MeterSerial); // leak TC1001 direct
        Activity.Current?.SetTag("homemove.new_address", move.NewAddress); // leak TC1001 direct
        Activity.Current?.SetTag("homemove.days_notice", (move.MoveDate.DayNumber - DateOnly.FromDateTime(DateTime.UtcNow).DayNumber)); // clean precision-about
        var started = Stopwatch.GetTimestamp();

        var existing = await councilTax.FindByUprnAsync(move.NewPostcode, cancellationToken);
        var notificationId = Guid.NewGuid().ToString("N");
        _pendingByNotification[notificationId] = move;
        MoveNotified(logger, notificationId, move.CustomerName); // clean logging-objects
        MoveNotifiedPlain(logger, notificationId, move.NewPostcode); // leak TC1001 direct
        logger.LogInformation("Move notified {Notification} band {Band}", notificationId, existing?.Band); // clean precision-about
        logger.LogInformation("Move {Notification} liable person was {Person}", notificationId, existing?.LiablePerson); // leak TC1001 direct

        var reply = new CouncilReply(notificationId, "E07000012", existing is not null, existing is null ? "no account at address" : null);
        logger.LogInformation("Council reply {@Reply}", reply); // clean logging-objects
        _notifyTime.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("council", reply.CouncilCode)); // clean precision-names
        _notifyTime.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("customer", pseudonymizer.PseudonymizeMoveinResidentId(move.EnergyAccount).Value)); // leak TC1003 precision-pseudonym
        meter.CreateMoveinOperationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "home-moves"); // clean generated-api
        if (!reply.Accepted)
        {
            span.SetMoveinOutcome("rejected"); // clean generated-api
            span.SetMoveinNote($"no council tax account at {move.NewAddress} for {move.CustomerName}"); // leak TC1001 generated-api
            logger.LogMoveinOperationFailedEvent("home-moves", "rejected", pseudonymizer.PseudonymizeMoveinResidentId(move.EnergyAccount), reply.Reason); // clean generated-api
        }

        return reply;
    }

    public void Chase()
    {
        foreach (var (notificationId, move) in _pendingByNotification)
        {
            logger.LogInformation("Chasing {Notification} for account {Account}", notificationId, move.EnergyAccount); // leak TC1001 cross-member
            logger.LogInformation("Chasing {Notification} move on {Date}", notificationId, move.MoveDate); // clean cross-member
        }

        var joined = string.Join(";", _pendingByNotification.Values.Select(m => m.NewPostcode));
        Activity.Current?.SetTag("homemove.pending.postcodes", joined); // leak TC1001 strings
        Activity.Current?.SetTag("homemove.pending.ids", string.Join(";", _pendingByNotification.Keys)); // clean strings
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Move {NotificationId} notified for {CustomerName}")]
    private static partial void MoveNotified(ILogger logger, string notificationId, [PrivateData] string customerName);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Move {NotificationId} notified to {Postcode}")]
    private static partial void MoveNotifiedPlain(ILogger logger, string notificationId, string postcode);
}
