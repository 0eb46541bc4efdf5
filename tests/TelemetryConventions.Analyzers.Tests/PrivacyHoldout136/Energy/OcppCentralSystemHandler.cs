namespace PrivacyHoldout136.Energy;

/// <summary>The OCPP 1.6 central system's message handlers for the public and workplace charge points.</summary>
public sealed partial class OcppCentralSystemHandler(
    IRfidCardRegistry cards,
    IChargeSessionStore sessions,
    ILogger<OcppCentralSystemHandler> logger,
    ActivitySource activitySource,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets)
{
    private readonly Counter<long> _authorisations = meter.CreateCounter<long>("ocpp.authorize.requests");
    private readonly Histogram<double> _energy = meter.CreateHistogram<double>("ocpp.session.energy", "kWh");
    private readonly ChargenetEntriesCounter _sessionsCounter = meter.CreateChargenetEntriesCounter();

    public async Task<IdTagInfo> AuthorizeAsync(string chargePointId, AuthorizeRequest request, CancellationToken cancellationToken)
    {
        using var span = activitySource.StartChargenetAccess(chargePointId[..6]);
        span.SetChargenetDevice(chargePointId); // clean precision-names
        span.Activity?.SetTag("ocpp.action", "Authorize"); // clean precision-names
        span.Activity?.SetTag("ocpp.id_tag", request.IdTag); // leak TC1001 direct

        var card = await cards.FindAsync(request.IdTag, cancellationToken);
        if (card is null || card.Status != "Accepted")
        {
            var status = card?.Status ?? "Invalid";
            LogRejected(logger, request.IdTag, status); // leak TC1001 direct
            _authorisations.Add(1, new KeyValuePair<string, object?>("status", status), new KeyValuePair<string, object?>("charge_point", chargePointId)); // clean precision-names
            span.SetChargenetOutcome(status.ToLowerInvariant()); // clean precision-about
            return new IdTagInfo(status, null, null);
        }

        span.SetChargenetHolderId(pseudonymizer.PseudonymizeChargenetHolderId(card.HolderRef)); // clean precision-pseudonym
        span.Activity?.SetTag("ocpp.contract.present", card.ContractId is not null); // clean precision-about
        _authorisations.Add(1, new KeyValuePair<string, object?>("status", "Accepted"), new KeyValuePair<string, object?>("card", card.Uid)); // leak TC1003 direct
        return new IdTagInfo("Accepted", DateTimeOffset.UtcNow.AddDays(1), card.ContractId);
    }

    public async Task<int> StartTransactionAsync(string chargePointId, StartTransactionRequest request, CancellationToken cancellationToken)
    {
        using var activity = activitySource.StartActivity("ocpp.start_transaction");
        var session = new ChargeSession(0, chargePointId, request.ConnectorId, request.IdTag, request.MeterStart, request.Timestamp);
        var transactionId = await sessions.OpenAsync(session, cancellationToken);
        activity?.SetTag("ocpp.transaction_id", transactionId); // clean precision-names
        activity?.SetTag("ocpp.connector_id", request.ConnectorId); // clean precision-names
        activity?.SetTag("ocpp.meter_start_wh", request.MeterStart); // clean precision-about
        activity?.SetTag("ocpp.reservation_id", request.ReservationId); // clean precision-names
        logger.LogInformation("Transaction {TransactionId} started {@Session}", transactionId, session); // leak TC1001 logging-objects
        using (logger.BeginScope("tx:{TransactionId} tag:{IdTag}", transactionId, request.IdTag)) // leak TC1001 logging-objects
        {
            logger.LogDebug("Session opened on connector {ConnectorId}", request.ConnectorId); // clean precision-names
        }

        var lane = KeyedBuckets.Shard(secrets.ShardKey, request.IdTag, 16);
        activity?.SetTag("ocpp.tag_lane", lane); // clean hashes
        return transactionId;
    }

    public async Task StopTransactionAsync(string chargePointId, StopTransactionRequest request, CancellationToken cancellationToken)
    {
        using var span = activitySource.StartChargenetAccess(chargePointId[..6]);
        var session = await sessions.FindAsync(request.TransactionId, cancellationToken);
        if (session is null)
        {
            logger.LogWarning("Stop for unknown transaction {TransactionId} (reason {Reason})", request.TransactionId, request.Reason); // clean precision-names
            return;
        }

        if (request.IdTag is not null && request.IdTag != session.IdTag)
        {
            var ex = new IdTagRejectedException(request.IdTag, "stopped-by-other-card");
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            span.SetChargenetNote($"stopped by {request.IdTag}, started by {session.IdTag}"); // leak TC1001 strings
        }

        var kwh = (request.MeterStop - session.MeterStart) / 1000.0;
        _energy.Record(kwh, new KeyValuePair<string, object?>("charge_point", chargePointId), new KeyValuePair<string, object?>("reason", request.Reason)); // clean precision-names
        span.SetChargenetCount(1).SetChargenetOutcome("stopped"); // clean precision-names
        span.Activity?.SetTag("ocpp.session.tag", session.IdTag); // leak TC1001 cross-member
        span.Activity?.SetTag("ocpp.session.kwh", Math.Round(kwh, 2)); // clean precision-about
        _sessionsCounter.Add(1, chargePointId[..6], chargenetOutcome: request.Reason); // clean generated-api
        await sessions.CloseAsync(request.TransactionId, request.MeterStop, request.Timestamp, cancellationToken);
    }

    public void OnStatus(string chargePointId, StatusNotification notification)
    {
        if (notification.ErrorCode == "NoError")
        {
            return;
        }

        var ex = new ChargePointOfflineException(chargePointId, TimeSpan.FromMinutes(5));
        logger.LogWarning(ex, "Connector {ConnectorId} fault {ErrorCode}", notification.ConnectorId, notification.ErrorCode); // clean exceptions
        Activity.Current?.AddEvent(new ActivityEvent("ocpp.status", tags: new ActivityTagsCollection { ["status"] = notification.Status, ["vendor_error"] = notification.VendorErrorCode })); // clean precision-names
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "idTag {IdTag} refused with {Status}")]
    private static partial void LogRejected(ILogger logger, string idTag, string status);
}
