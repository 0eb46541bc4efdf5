namespace PrivacyHoldout200.Transport;

/// <summary>A completion-day move booked with the removals operator, as the conveyancer's system sends it.</summary>
public sealed record CompletionMove(
    string MoveId,
    string CompletionId,
    string BuyerId,
    string BuyerName,
    string BuyerMobile,
    string NewAddress,
    string NewPostcode,
    string VanRegistration,
    string CrewId,
    DateOnly CompletionDate);

/// <summary>A van run, with no customer.</summary>
public sealed record VanRun(string RunId, string VanRegistration, string DepotCode, int Stops, int Miles);

/// <summary>Consumes completion notices: sends the completion funds, then releases the keys and the van.</summary>
public sealed partial class CompletionDayConsumer(
    IConsumer<string, CompletionFunds> consumer,
    CompletionPaymentsGateway payments,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter,
    ILogger<CompletionDayConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Removals.CompletionDay");
    private readonly Counter<long> _payments = meter.CreateCounter<long>("completion.payments");
    private readonly Histogram<double> _amounts = meter.CreateHistogram<double>("completion.amount");
    private const string Site = "depot-bristol";
    private CompletionFunds? _inProgress;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var funds = result.Message.Value;
            _inProgress = funds;
            using var span = Source.StartMovekeysOperation(Site);
            span.SetMovekeysStage("completion"); // clean generated-api
            span.SetMovekeysOutcome("pending"); // clean generated-api
            Activity.Current?.SetTag("messaging.destination", result.Topic); // clean precision-names
            Activity.Current?.SetTag("completion.id", funds.CompletionId); // clean precision-names
            Activity.Current?.SetTag("completion.application_id", funds.ApplicationId); // clean precision-names
            Activity.Current?.SetTag("completion.amount", (double)funds.Amount); // clean precision-about
            Activity.Current?.SetTag("completion.sort_code", funds.SortCode); // clean precision-about
            Activity.Current?.SetTag("completion.account_number", funds.AccountNumber); // leak TC1001 direct
            Activity.Current?.SetTag("completion.account_last2", funds.AccountNumber[^2..]); // clean precision-about
            Activity.Current?.SetTag("completion.payee", funds.PayeeName); // leak TC1001 direct
            Activity.Current?.SetTag("completion.date", funds.CompletionDate.ToString("yyyy-MM-dd")); // clean precision-about
            _amounts.Record((double)funds.Amount, new KeyValuePair<string, object?>("site", Site)); // clean precision-names
            _amounts.Record((double)funds.Amount, new KeyValuePair<string, object?>("payee", funds.PayeeName)); // leak TC1003 direct

            try
            {
                var reference = await payments.SendAsync(funds, stoppingToken);
                Activity.Current?.SetTag("completion.chaps_reference", reference); // clean precision-names
                logger.LogInformation("Completion funds sent {Funds}", funds); // leak TC1001 logging-objects
                logger.LogInformation("Completion funds sent {@Funds}", funds with { AccountNumber = "********" }); // leak TC1001 logging-objects
                logger.LogInformation("Completion funds sent {@Funds}", new { funds.CompletionId, funds.Amount, funds.SortCode }); // clean logging-objects
                logger.LogInformation("Completion funds sent {@Slot}", new CompletionSlot(funds.CompletionId, funds.CompletionDate, "funds-sent", 13)); // clean logging-objects
                _payments.Add(1, new KeyValuePair<string, object?>("outcome", "sent")); // clean precision-names
                LogFundsSent(logger, funds.CompletionId, funds.PayeeName, funds.AccountNumber); // clean logging-objects
                LogFundsPayee(logger, funds.CompletionId, funds.PayeeName); // leak TC1001 logging-objects
            }
            catch (PaymentReturnedException ex)
            {
                Activity.Current?.AddException(ex); // leak TC1001 exceptions
                span.SetMovekeysNote(ex.Message); // leak TC1001 generated-api
                logger.LogMovekeysOperationFailedEvent(Site, "returned", movekeysNote: "CHAPS payment returned"); // clean generated-api
                _payments.Add(1, new KeyValuePair<string, object?>("outcome", "returned")); // clean precision-names
            }
            catch (TimeoutException ex)
            {
                logger.LogWarning(ex, "CHAPS timed out for completion {CompletionId}", funds.CompletionId); // clean exceptions
                span.SetMovekeysNote(ex.Message); // clean generated-api
            }

            AuditFunds();
            consumer.Commit(result);
        }
    }

    private void AuditFunds()
    {
        if (_inProgress is null)
        {
            return;
        }

        var payeeKey = $"{_inProgress.SortCode}-{_inProgress.AccountNumber}";
        Activity.Current?.SetTag("completion.payee_sha256", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(payeeKey)))); // leak TC1002 hashes
        Activity.Current?.SetTag("completion.payee_hmac", Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(payeeKey)))); // clean hashes
        Activity.Current?.SetTag("completion.audit_payee", _inProgress.PayeeName); // leak TC1001 cross-member
        Activity.Current?.SetTag("completion.audit_amount", (double)_inProgress.Amount); // clean cross-member
        logger.LogInformation("Audited {CompletionId}", _inProgress.CompletionId); // clean cross-member
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Funds for {CompletionId} sent to {PayeeName} account {AccountNumber}")]
    private static partial void LogFundsSent(ILogger logger, string completionId, [PrivateData] string payeeName, [PrivateData] string accountNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Funds for {CompletionId} sent to {PayeeName}")]
    private static partial void LogFundsPayee(ILogger logger, string completionId, string payeeName);
}

/// <summary>The removals operator's key-handover and van-dispatch API for completion day.</summary>
public static class KeyHandoverEndpoints
{
    private static readonly ActivitySource Source = new("Removals.KeyHandover");
    private const string Site = "depot-bristol";

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/moves", Book);
        routes.MapPost("/moves/{moveId}/keys", ReleaseKeys);
    }

    public static object Book(CompletionMove move, Pseudonymizer pseudonymizer, Meter meter, ILogger<CompletionMove> logger)
    {
        using var span = Source.StartMovekeysOperation(Site);
        var buyer = pseudonymizer.PseudonymizeMovekeysApplicantId(move.BuyerId);
        span.SetMovekeysApplicantId(buyer); // clean generated-api
        span.SetMovekeysNote($"Move {move.MoveId} to {move.NewPostcode.Split(' ')[0]}"); // clean generated-api
        span.SetMovekeysNote($"Move to {move.NewAddress}"); // leak TC1001 generated-api
        Activity.Current?.SetTag("move.id", move.MoveId); // clean precision-names
        Activity.Current?.SetTag("move.crew_id", move.CrewId); // clean precision-names
        Activity.Current?.SetTag("move.van_registration", move.VanRegistration); // clean precision-about
        Activity.Current?.SetTag("move.buyer_mobile", move.BuyerMobile); // leak TC1001 direct
        Activity.Current?.SetTag("move.buyer_name", move.BuyerName); // leak TC1001 direct
        Activity.Current?.SetTag("move.new_postcode", move.NewPostcode); // leak TC1001 direct
        Activity.Current?.SetTag("move.new_district", move.NewPostcode.Split(' ')[0]); // clean precision-about
        Activity.Current?.SetTag("move.buyer", buyer.ToString()); // clean precision-pseudonym
        Baggage.SetBaggage("move.buyer", buyer.ToString()); // clean precision-pseudonym
        Baggage.SetBaggage("move.id", move.MoveId); // clean precision-names
        meter.CreateMovekeysOperationsCounter().Add(1, Site, "booked"); // clean generated-api
        meter.CreateCounter<long>("move.bookings").Add(1, new KeyValuePair<string, object?>("buyer", buyer.ToString())); // leak TC1003 precision-pseudonym
        logger.LogInformation("Move booked {@Move}", move); // leak TC1001 logging-objects
        logger.LogInformation("Van run {@Run}", new VanRun("RUN-" + move.MoveId, move.VanRegistration, "BRS", 2, 14)); // clean logging-objects
        using (logger.BeginScope(new Dictionary<string, object> { ["MoveId"] = move.MoveId, ["CompletionId"] = move.CompletionId })) // clean logging-objects
        using (logger.BeginScope(new Dictionary<string, object> { ["BuyerMobile"] = move.BuyerMobile })) // leak TC1001 logging-objects
        {
            logger.LogInformation("Crew {CrewId} dispatched on {Date}", move.CrewId, move.CompletionDate); // clean precision-names
        }

        var sms = string.Concat("Hi ", move.BuyerName.Split(' ')[0], ", your van arrives at 9am");
        logger.LogInformation("SMS text {Text}", sms); // leak TC1001 strings
        logger.LogInformation("SMS length {Length}", sms.Length); // clean strings
        return move.MoveId;
    }

    public static object ReleaseKeys(string moveId, CompletionMove move, ILogger<CompletionMove> logger)
    {
        using var activity = Source.StartActivity("keys.release");
        activity?.SetTag("move.id", moveId); // clean precision-names
        if (move.CompletionDate > DateOnly.FromDateTime(DateTime.UtcNow))
        {
            var early = new InvalidOperationException($"Keys for {move.NewAddress} requested before completion");
            activity?.SetStatus(ActivityStatusCode.Error, early.Message); // leak TC1001 exceptions
            logger.LogWarning("Keys requested early for move {MoveId}: {Reason}", moveId, "before-completion"); // clean exceptions
            return "too-early";
        }

        activity?.SetTag("keys.buyer_md5", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(move.BuyerMobile)))); // leak TC1002 hashes
        activity?.SetTag("keys.released_by_crew", move.CrewId); // clean precision-names
        return "released";
    }
}
