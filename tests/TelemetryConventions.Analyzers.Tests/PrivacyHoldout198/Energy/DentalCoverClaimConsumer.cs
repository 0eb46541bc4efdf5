namespace PrivacyHoldout198.Energy;

/// <summary>An energy company's staff dental cover: claims for NHS bands and private fees arrive on a topic keyed by employee number.</summary>
public sealed partial class DentalCoverClaimConsumer(
    IConsumer<string, DentalCoverClaim> consumer,
    PaymentPlanGateway payments,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<DentalCoverClaimConsumer> logger,
    TelemetrySecrets secrets) : BackgroundService
{
    private readonly Counter<long> _claims = meter.CreateCounter<long>("cover.claims.received");
    private readonly Histogram<double> _claimAmount = meter.CreateHistogram<double>("cover.claim.amount", "GBP");
    private readonly List<string> _rejectedEmployees = new();
    private int _batchSize;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            using var activity = source.StartActivity("cover.claim.consume", ActivityKind.Consumer);
            activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
            activity?.SetTag("messaging.kafka.partition", result.Partition); // clean precision-about
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-about
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            await HandleAsync(result.Message.Value, activity);
            consumer.Commit(result);
        }
    }

    private async Task HandleAsync(DentalCoverClaim claim, Activity? activity)
    {
        _batchSize++;
        activity?.SetTag("cover.claim.id", claim.ClaimId); // clean precision-names
        activity?.SetTag("cover.claim.band", claim.Band); // clean precision-names
        activity?.SetTag("cover.claim.amount", (double)claim.Amount); // clean precision-about
        activity?.SetTag("cover.claim.practice", claim.Practice); // clean precision-names
        activity?.SetTag("cover.member.ref", pseudonymizer.Pseudonymize(Spaces.Member, claim.EmployeeNumber).Value); // clean precision-pseudonym
        activity?.SetTag("cover.member.employee_number", claim.EmployeeNumber); // leak TC1001 direct
        _claims.Add(1, new KeyValuePair<string, object?>("cover.band", claim.Band)); // clean precision-names
        _claimAmount.Record((double)claim.Amount, new KeyValuePair<string, object?>("cover.band", claim.Band)); // clean precision-about
        _claims.Add(1, new KeyValuePair<string, object?>("cover.employee", claim.EmployeeNumber)); // leak TC1003 direct
        logger.LogInformation("Claim {ClaimId} for {Amount} in {Band} at {Practice}", claim.ClaimId, claim.Amount, claim.Band, claim.Practice); // clean precision-names
        logger.LogInformation("Claim received {Claim}", claim); // leak TC1001 logging-objects
        logger.LogInformation("Claim received {@Claim}", claim with { EmployeeName = "redacted" }); // leak TC1001 logging-objects
        logger.LogInformation("Claim received {@Claim}", new { claim.ClaimId, claim.Band, claim.Amount }); // clean logging-objects
        using var span = source.StartSmilecoverOperation("cover-claims");
        span.SetSmilecoverPatientId(pseudonymizer.PseudonymizeSmilecoverPatientId(claim.EmployeeNumber)); // clean generated-api
        span.SetSmilecoverBand(claim.Band); // clean generated-api
        try
        {
            var plan = new PaymentPlan(claim.ClaimId, claim.EmployeeName, "20-00-00", claim.BankAccount, claim.Amount, 1);
            var paid = await payments.OpenAsync(plan);
            span.SetSmilecoverOutcome("paid"); // clean generated-api
            span.SetSmilecoverNote($"claim {claim.ClaimId} paid as {paid}"); // clean generated-api
            meter.CreateSmilecoverOperationsCounter().Add(1, "cover-claims", "paid"); // clean generated-api
        }
        catch (PaymentPlanDeclinedException ex)
        {
            _rejectedEmployees.Add(claim.EmployeeNumber);
            span.SetSmilecoverNote(ex.Message); // leak TC1001 generated-api
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.SetTag("error.type", nameof(PaymentPlanDeclinedException)); // clean exceptions
            logger.LogWarning("Claim {ClaimId} declined by the bank", claim.ClaimId); // clean exceptions
            logger.LogWarning(ex, "Claim {ClaimId} declined", claim.ClaimId); // leak TC1001 exceptions
            logger.LogSmilecoverOperationFailedEvent("cover-claims", "declined", smilecoverPatientId: pseudonymizer.PseudonymizeSmilecoverPatientId(claim.EmployeeNumber), smilecoverNote: $"bank declined for {claim.EmployeeName}"); // leak TC1001 generated-api
            meter.CreateSmilecoverOperationsCounter().Add(1, "cover-claims", claim.EmployeeNumber); // leak TC1003 generated-api
        }
    }

    public void FlushBatch()
    {
        var batch = new ClaimBatch(Guid.NewGuid(), _batchSize, 0m, "staff-dental");
        logger.LogInformation("Batch closed {@Batch}", batch); // clean logging-objects
        logger.LogInformation("Rejected this batch: {RejectedCount}", _rejectedEmployees.Count); // clean cross-member
        logger.LogInformation("Rejected employees {Employees}", string.Join(";", _rejectedEmployees)); // leak TC1001 cross-member
        var digest = new StringBuilder();
        foreach (var employee in _rejectedEmployees)
        {
            digest.Append(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(employee)))[..12]).Append(',');
        }

        Activity.Current?.SetTag("cover.rejected.digest", digest.ToString()); // leak TC1002 hashes
        var keyed = _rejectedEmployees.Select(e => Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(e)))[..12]);
        Activity.Current?.SetTag("cover.rejected.keyed", string.Join(",", keyed)); // clean hashes
        Baggage.SetBaggage("cover.batch.size", _batchSize.ToString(CultureInfo.InvariantCulture)); // clean cross-member
        meter.CreateSmilecoverOperationDurationHistogram().Record(1.2, "cover-claims"); // clean generated-api
        CoverLog.BatchFlushed(logger, batch.BatchId, _rejectedEmployees.Count); // clean precision-names
        CoverLog.RejectedMember(logger, _rejectedEmployees.FirstOrDefault() ?? string.Empty); // leak TC1001 cross-member
        _rejectedEmployees.Clear();
        _batchSize = 0;
    }

    public void ReplayDeadLetter(ConsumeResult<string, DentalCoverClaim> result, string reason)
    {
        var claim = result.Message.Value;
        using var activity = source.StartActivity("cover.claim.replay");
        logger.LogWarning("Dead letter at {Topic}/{Partition}@{Offset}: {Reason}", result.Topic, result.Partition, result.Offset, reason); // clean precision-names
        logger.LogWarning("Dead letter keyed {Key}", result.Message.Key); // leak TC1001 direct
        activity?.SetTag("cover.member.name", claim.EmployeeName); // leak TC1001 direct
        activity?.SetTag("cover.member.name_length", claim.EmployeeName.Length); // clean precision-about
        activity?.SetTag("cover.member.email", result.Message.Headers.GetValueOrDefault("x-employee-email")); // leak TC1001 direct
        activity?.SetTag("cover.message.header_count", result.Message.Headers.Count); // clean precision-about
        activity?.SetStatus(ActivityStatusCode.Error, $"replay of {claim.EmployeeName}'s claim failed: {reason}"); // leak TC1001 strings
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ClaimId"] = claim.ClaimId, ["EmployeeNumber"] = claim.EmployeeNumber }); // leak TC1001 direct
        using var span = source.StartSmilecoverOperation("cover-replay");
        span.SetSmilecoverPatientId(Pseudonym.FromComputed(claim.EmployeeNumber)); // leak TC1001 precision-pseudonym
        span.SetSmilecoverOutcome("replayed"); // clean generated-api
    }
}

internal static partial class CoverLog
{
    [LoggerMessage(EventId = 19821, Level = LogLevel.Information, Message = "Batch {BatchId} flushed with {RejectedCount} rejections")]
    public static partial void BatchFlushed(ILogger logger, Guid batchId, int rejectedCount);

    [LoggerMessage(EventId = 19822, Level = LogLevel.Warning, Message = "Member {EmployeeNumber} rejected")]
    public static partial void RejectedMember(ILogger logger, string employeeNumber);
}
