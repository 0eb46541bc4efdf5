namespace PrivacyHoldout193.Healthcare;

/// <summary>Pulls released results from the lab and texts them to service users who asked for results by text.</summary>
public sealed partial class KitResultsWorker(
    ILabGateway lab,
    IServiceUserStore users,
    ISmsGateway sms,
    Pseudonymizer pseudonymizer,
    SexualHealthOptions options,
    ILogger<KitResultsWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("SexualHealth.Results");
    private static readonly Meter Meter = new("SexualHealth.Results");
    private static readonly Counter<long> TextsSent = Meter.CreateCounter<long>("shs.results.texts_sent");
    private static readonly Histogram<double> TurnaroundHours = Meter.CreateHistogram<double>("shs.results.turnaround", "h");

    private string? _lastClinicNumber;
    private string _lastBarcode = string.Empty;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var released = await lab.FetchReleasedAsync(options.Site, stoppingToken);
            using var batch = Source.StartActivity("results.batch");
            batch?.SetTag("shs.site", options.Site); // clean precision-names
            batch?.SetTag("shs.results.count", released.Count); // clean precision-about
            batch?.SetTag("shs.lab.provider", options.LabProvider); // clean precision-names

            foreach (var result in released)
            {
                await HandleAsync(result, stoppingToken);
            }

            LogBatchDone(released.Count, _lastBarcode); // clean precision-about
            await Task.Delay(TimeSpan.FromMinutes(5), stoppingToken);
        }
    }

    private async Task HandleAsync(LabResult result, CancellationToken ct)
    {
        using var span = Source.StartShclinicOperation(options.Site);
        span.SetShclinicKind("kit"); // clean precision-names
        _lastBarcode = result.SampleBarcode;
        _lastClinicNumber = result.ClinicNumber;
        Activity.Current?.SetTag("shs.sample.barcode", result.SampleBarcode); // clean precision-names
        Activity.Current?.SetTag("shs.result.panel", result.Panel); // clean precision-about

        var user = await users.FindAsync(result.ClinicNumber, ct);
        if (user is null)
        {
            var missing = new ServiceUserNotFoundException(result.ClinicNumber);
            Activity.Current?.AddException(missing); // leak TC1001 exceptions
            logger.LogWarning("No service user for released result of sample {Barcode}", result.SampleBarcode); // clean precision-names
            TagLastPatient();
            return;
        }

        var pseudonym = pseudonymizer.PseudonymizeShclinicClientId(user.ClinicNumber);
        span.SetShclinicClientId(pseudonym); // clean precision-pseudonym
        logger.LogInformation("Result ready for {Client}", pseudonymizer.ComputeShclinicClientId(user.ClinicNumber)); // clean precision-pseudonym
        TextsSent.Add(1, new KeyValuePair<string, object?>("client", pseudonym.Value)); // leak TC1003 precision-pseudonym

        if (!user.ConsentsToText || !options.SendResultsByText)
        {
            span.SetShclinicChannel("phone"); // clean precision-about
            logger.LogInformation("Result for {Mobile} held for a call back", user.Mobile); // leak TC1001 direct
            return;
        }

        var text = BuildText(user, result);
        logger.LogDebug("Sending result text {@Text}", text); // leak TC1001 logging-objects
        logger.LogDebug("Result text uses template {Template} of {Length} characters", text.Template, text.Body.Length); // clean precision-about

        try
        {
            var messageId = await sms.SendAsync(user.Mobile, text.Body, ct);
            span.SetShclinicOutcome("sent"); // clean precision-about
            Activity.Current?.SetTag("shs.sms.message_id", messageId); // clean precision-names
            Activity.Current?.SetTag("shs.sms.mobile_prefix", user.Mobile[..3]); // clean precision-about
            TurnaroundHours.Record((DateTimeOffset.UtcNow - result.ReportedAt).TotalHours, new KeyValuePair<string, object?>("panel", result.Panel)); // clean precision-about
        }
        catch (Exception ex)
        {
            span.RecordException(ex); // clean exceptions
            logger.LogShclinicOperationFailedEvent(options.Site, "failed", pseudonym, $"text to {user.Mobile} failed"); // leak TC1001 generated-api
            logger.LogError(ex, "Result text for sample {Barcode} failed", result.SampleBarcode); // clean exceptions
        }

        LogResultTexted(user.FirstName, result.Panel); // leak TC1001 logging-objects
        await lab.AcknowledgeAsync(result.SampleBarcode, ct);
    }

    private static ResultText BuildText(ServiceUser user, LabResult result)
    {
        var body = new StringBuilder()
            .Append("Hi ").Append(user.FirstName)
            .Append(", your ").Append(result.Panel).Append(" result is ready. Call the clinic on 0300 123 4567.")
            .ToString();
        return new ResultText(user.Mobile, body, result.Outcome == "negative" ? "neg-v2" : "call-v3");
    }

    private void TagLastPatient()
    {
        Activity.Current?.SetTag("shs.last.clinic_number", _lastClinicNumber); // leak TC1001 cross-member
        Activity.Current?.SetTag("shs.last.barcode", _lastBarcode); // clean cross-member
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Batch done: {Count} results, last sample {Barcode}")]
    private partial void LogBatchDone(int count, string barcode);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Texted {FirstName} their {Panel} result")]
    private partial void LogResultTexted(string firstName, string panel);
}
