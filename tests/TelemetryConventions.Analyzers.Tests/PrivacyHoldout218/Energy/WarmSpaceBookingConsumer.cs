namespace PrivacyHoldout218.Energy;

/// <summary>A request from the supplier's app to book a PC in a warm-space library and print a bill; the topic is keyed by the member's card number.</summary>
public sealed record WarmSpaceRequest(string RequestId, string CardNumber, string Branch, int Minutes, string? BillAccountNumber, string? MonitorAssetTag, string? HouseholdMpan);

/// <summary>Consumes warm-space bookings: PC sessions, printing of bills and loans of the library's plug-in energy monitors.</summary>
public sealed class WarmSpaceBookingConsumer(
    IConsumer<string, WarmSpaceRequest> consumer,
    IPrintAndPcSystem pcSystem,
    Pseudonymizer pseudonymizer,
    ILogger<WarmSpaceBookingConsumer> logger,
    LibraryOptions options) : BackgroundService
{
    private static readonly ActivitySource Source = new("PrivacyHoldout218.Energy.WarmSpace");
    private static readonly Meter Meter = new("PrivacyHoldout218.Energy.WarmSpace");
    private static readonly Counter<long> MonitorLoans = Meter.CreateCounter<long>("warmbank.monitor.loans");

    private string _currentKey = string.Empty;
    private WarmSpaceRequest? _current;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            _currentKey = result.Message.Key;
            _current = result.Message.Value;
            using var span = Source.StartWarmbankOperation(result.Message.Value.Branch);
            var activity = Activity.Current;
            activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
            activity?.SetTag("messaging.kafka.partition", result.Partition); // clean precision-names
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("warmbank.request.id", result.Message.Value.RequestId); // clean precision-names
            span.SetWarmbankMemberId(pseudonymizer.PseudonymizeWarmbankMemberId(result.Message.Key)); // clean generated-api
            span.SetWarmbankItems(result.Message.Value.Minutes); // clean generated-api
            await HandleAsync(span, stoppingToken);
            consumer.Commit(result);
        }
    }

    private async Task HandleAsync(WarmbankOperationSpan span, CancellationToken cancellationToken)
    {
        var request = _current!;
        var activity = Activity.Current;
        activity?.SetTag("warmbank.member.card", _currentKey); // leak TC1001 cross-member
        activity?.SetTag("warmbank.member.key_length", _currentKey.Length); // clean precision-about
        activity?.SetTag("warmbank.request.minutes", request.Minutes); // clean precision-about
        activity?.SetTag("warmbank.monitor.asset", request.MonitorAssetTag); // clean precision-names
        activity?.SetTag("warmbank.household.mpan", request.HouseholdMpan); // leak TC1001 direct
        activity?.SetTag("warmbank.bill.account", request.BillAccountNumber); // leak TC1001 direct
        activity?.SetTag("warmbank.bill.requested", request.BillAccountNumber is not null); // clean precision-about
        try
        {
            var booking = await pcSystem.BookAsync(request.CardNumber, request.Branch, request.Minutes, cancellationToken);
            activity?.SetTag("warmbank.pc.id", booking.PcId); // clean precision-names
            activity?.SetTag("warmbank.pc.booking", booking.BookingId); // clean precision-names
            logger.LogInformation("PC {PcId} booked for {Minutes} minutes at {Branch}", booking.PcId, booking.Minutes, booking.Branch); // clean precision-names
            logger.LogInformation("PC booked {Booking}", booking); // leak TC1001 logging-objects
            logger.LogInformation("PC booked {Booking}", new { booking.BookingId, booking.PcId, booking.Minutes }); // clean logging-objects
            span.SetWarmbankFormat("pc"); // clean generated-api
            span.SetWarmbankOutcome("ok"); // clean generated-api
            span.SetWarmbankNote(booking.ToString()); // leak TC1001 generated-api
        }
        catch (PrintBalanceException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Print refused: {Reason}", ex.Message); // leak TC1001 exceptions
            span.RecordException(ex, "print balance too low"); // clean exceptions
            logger.LogWarmbankOperationFailedEvent(request.Branch, "balance", warmbankNote: "print balance too low"); // clean generated-api
        }
        catch (PlatformUnavailableException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogError(ex, "PC system unavailable for request {RequestId}", request.RequestId); // clean exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
        }

        RecordMonitorLoan(request);
    }

    private void RecordMonitorLoan(WarmSpaceRequest request)
    {
        if (request.MonitorAssetTag is null)
        {
            return;
        }

        MonitorLoans.Add(1, new KeyValuePair<string, object?>("warmbank.branch", request.Branch)); // clean precision-names
        MonitorLoans.Add(1, new KeyValuePair<string, object?>("warmbank.monitor.asset", request.MonitorAssetTag)); // clean precision-names
        MonitorLoans.Add(1, new KeyValuePair<string, object?>("warmbank.household.mpan", request.HouseholdMpan)); // leak TC1003 direct
        MonitorLoans.Add(1, new KeyValuePair<string, object?>("warmbank.member", pseudonymizer.PseudonymizeWarmbankMemberId(request.CardNumber))); // leak TC1003 precision-pseudonym
        Meter.CreateWarmbankOperationsCounter().Add(1, request.Branch, warmbankOutcome: "monitor-lent"); // clean generated-api
        Meter.CreateWarmbankOperationsCounter().Add(1, request.Branch, warmbankOutcome: request.HouseholdMpan); // leak TC1003 generated-api
        Meter.CreateWarmbankOperationDurationHistogram().Record(1.5, request.Branch); // clean generated-api
        var mpanShard = Convert.ToHexString(HMACSHA256.HashData(options.ShardKey, Encoding.UTF8.GetBytes(request.HouseholdMpan ?? string.Empty)))[..4];
        Activity.Current?.SetTag("warmbank.household.shard", mpanShard); // clean hashes
        Activity.Current?.SetTag("warmbank.household.sha", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.HouseholdMpan ?? string.Empty)))); // leak TC1002 hashes
        Activity.Current?.SetTag("warmbank.account.hash", request.BillAccountNumber?.GetHashCode()); // leak TC1002 hashes
        var summary = string.Join("|", request.Branch, request.MonitorAssetTag, request.HouseholdMpan);
        logger.LogInformation("Monitor lent: {Summary}", summary); // leak TC1001 strings
        logger.LogInformation("Monitor lent: {Summary}", string.Join("|", request.Branch, request.MonitorAssetTag)); // clean strings
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["RequestId"] = request.RequestId, ["Mpan"] = request.HouseholdMpan }); // leak TC1001 logging-objects
        using var okScope = logger.BeginScope(new Dictionary<string, object?> { ["RequestId"] = request.RequestId, ["Branch"] = request.Branch }); // clean logging-objects
        logger.LogDebug("Request {@Request}", request with { HouseholdMpan = null, BillAccountNumber = null }); // leak TC1001 logging-objects
    }
}
