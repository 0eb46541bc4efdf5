namespace PrivacyHoldout173.Energy;

/// <summary>Consumes generator hire bookings for event sites from the field services queue.</summary>
public sealed partial class GeneratorHireConsumer(
    IQueueReceiver<TemporarySupplyRequest> receiver,
    ILogger<GeneratorHireConsumer> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets) : BackgroundService
{
    private static readonly ActivitySource Source = new("Supplier.Field.GeneratorHire");
    private static readonly Meter Meter = new("Supplier.Field.GeneratorHire");
    private static readonly Counter<long> Hires = Meter.CreateCounter<long>("generator.hires");

    private readonly Queue<TemporarySupplyRequest> _awaitingEngineer = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var request = await receiver.ReceiveAsync(stoppingToken);
            if (request is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("generator.hire");
            activity?.SetTag("generator.kva", request.Kva); // clean precision-about
            activity?.SetTag("generator.request", request.RequestId); // clean precision-names
            activity?.SetTag("generator.event_month", request.EventDate.ToString("yyyy-MM", CultureInfo.InvariantCulture)); // clean precision-about

            var account = pseudonymizer.PseudonymizeEventpowerCoupleId(request.CustomerAccount);
            activity?.SetTag("generator.account", account.Value); // clean precision-pseudonym
            Hires.Add(1, new KeyValuePair<string, object?>("account", account.ToString())); // leak TC1003 precision-pseudonym
            Hires.Add(1, new KeyValuePair<string, object?>("size", request.Kva >= 100 ? "large" : "small")); // clean precision-about

            LogHire(logger, request); // leak TC1001 logging-objects
            LogHireContact(logger, request.RequestId, request.ContactEmail); // clean logging-objects

            _awaitingEngineer.Enqueue(request);
            var accountHash = BitConverter.ToString(SHA1.HashData(Encoding.UTF8.GetBytes(request.CustomerAccount)));
            activity?.SetTag("generator.account_hash", accountHash); // leak TC1002 hashes
        }
    }

    public void Dispatch(TemporarySupplyRequest request, bool accountFound)
    {
        using var activity = Source.StartActivity("generator.dispatch");
        try
        {
            if (!accountFound)
            {
                throw new AccountNotFoundException(request.CustomerAccount);
            }
            if (request.Kva > 400)
            {
                throw new CapacityExceededException("GEN-FLEET", request.Kva);
            }
        }
        catch (AccountNotFoundException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Dispatch failed for {RequestId}: {Type}", request.RequestId, ex.GetType().Name); // clean exceptions
        }
        catch (CapacityExceededException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning(ex, "No generator large enough for {RequestId}", request.RequestId); // clean exceptions
        }
        var route = "gen/" + request.EventDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "/" + request.Kva;
        activity?.SetTag("generator.route", route); // clean strings
        var visit = "Visit " + request.SitePostcode + " for " + request.ContactEmail;
        activity?.SetTag("generator.visit", visit); // leak TC1001 strings
    }

    public void ReportBacklog()
    {
        var next = _awaitingEngineer.Count > 0 ? _awaitingEngineer.Peek() : null;
        logger.LogInformation("Next hire awaiting an engineer: {Email}", next?.ContactEmail); // leak TC1001 cross-member
        logger.LogInformation("Hires awaiting an engineer: {Count}", _awaitingEngineer.Count); // clean cross-member
        logger.LogInformation("Next hire awaiting an engineer: {RequestId}", next?.RequestId); // clean cross-member
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Generator hire {Request}")]
    private static partial void LogHire(ILogger logger, TemporarySupplyRequest request);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Hire {RequestId} contact {Contact}")]
    private static partial void LogHireContact(ILogger logger, string requestId, [PrivateData] string contact);
}
