namespace PrivacyHoldout160.Retail;

/// <summary>Registers home test kits (cholesterol, HbA1c, thyroid) sold in store and online, and releases lab results.</summary>
public sealed partial class HomeTestKitService(
    IKitRegistry registry,
    ILabGateway lab,
    ILogger<HomeTestKitService> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets)
{
    private readonly Counter<long> results = meter.CreateCounter<long>("pharmacy.kit.results");

    public async Task RegisterAsync(KitRegistration registration, string store, CancellationToken cancellationToken)
    {
        using var span = source.StartPharmacyOperation(store);
        span.SetPharmacyCustomerId(pseudonymizer.PseudonymizePharmacyCustomerId(registration.CustomerId)); // clean generated-api
        span.SetPharmacyDeviceModel(registration.Sku); // clean generated-api
        span.SetPharmacyNote($"kit {registration.KitBarcode}"); // leak TC1001 generated-api
        Activity.Current?.SetTag("kit.sku", registration.Sku); // clean precision-names
        Activity.Current?.SetTag("kit.order_id", registration.OrderId); // clean precision-names
        Activity.Current?.SetTag("kit.barcode", registration.KitBarcode); // leak TC1001 direct
        Activity.Current?.SetTag("customer.email", registration.Email); // leak TC1001 direct
        await registry.SaveAsync(registration, cancellationToken);
        LogRegistered(logger, registration.Sku, registration.KitBarcode); // leak TC1001 logging-objects
        LogRegisteredRedacted(logger, registration.Sku, registration.KitBarcode); // clean logging-objects
    }

    public async Task ReleaseAsync(string kitBarcode, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("ReleaseResult");
        var result = await lab.ResultAsync(kitBarcode, cancellationToken);
        var registration = await registry.FindAsync(kitBarcode, cancellationToken);
        if (registration is null)
        {
            var ex = new KitNotRegisteredException(kitBarcode);
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogPharmacyOperationFailedEvent("lab", "unregistered", pharmacyNote: nameof(KitNotRegisteredException)); // clean generated-api
            return;
        }

        if (result is null)
        {
            var backlog = new LabBacklogException("lab-02", 4);
            logger.LogWarning(backlog, "Result not ready for a {Sku}", registration.Sku); // clean exceptions
            return;
        }

        await lab.PublishToPortalAsync(registration.CustomerId, result, cancellationToken);
        activity?.SetTag("result.analyte", result.Analyte); // clean precision-about
        activity?.SetTag("result.flag", result.Flag); // clean precision-about
        results.Add(1, new KeyValuePair<string, object?>("analyte", result.Analyte), new KeyValuePair<string, object?>("flag", result.Flag)); // clean precision-about
        results.Add(1, new KeyValuePair<string, object?>("customer", registration.CustomerId)); // leak TC1003 direct
        logger.LogInformation("Result released {Result}", result); // leak TC1001 logging-objects
        logger.LogInformation("Result {ResultId} released for {Customer}", result.ResultId, pseudonymizer.ComputePharmacyCustomerId(registration.CustomerId)); // clean precision-pseudonym
        var postcodeKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(registration.Postcode)));
        logger.LogInformation("Result for area key {AreaKey}", postcodeKey); // leak TC1002 hashes
        logger.LogInformation("Result for district {District}", registration.Postcode.Split(' ')[0]); // clean precision-about
        var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(kitBarcode))[0] % 8;
        results.Add(1, new KeyValuePair<string, object?>("lane", lane)); // clean hashes
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Registered {Sku} kit {KitBarcode}")]
    private static partial void LogRegistered(ILogger logger, string sku, string kitBarcode);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Information, Message = "Registered {Sku} kit {KitBarcode}")]
    private static partial void LogRegisteredRedacted(ILogger logger, string sku, [PrivateData] string kitBarcode);
}
