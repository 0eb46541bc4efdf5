namespace PrivacyHoldout212.Energy;

/// <summary>
/// A supplier's consumer of new-baby sign-ups to its priority services register (households with a child under five),
/// which also sends the household a baby-product voucher. The topic is keyed by account number.
/// </summary>
public sealed class NewBabyPriorityConsumer(
    IConsumer<string, PriorityRegistration> consumer,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    NurseryPlatformOptions options,
    ILogger<NewBabyPriorityConsumer> logger) : BackgroundService
{
    private readonly Counter<long> _signUps = meter.CreateCounter<long>("homeplus.priority.signups");
    private string? _lastAccount;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            Handle(result);
            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }

    private void Handle(ConsumeResult<string, PriorityRegistration> result)
    {
        var registration = result.Message.Value;
        _lastAccount = result.Message.Key;
        using var op = source.StartHomeplusOperation(RegionOf(registration));
        op.SetHomeplusKind("priority-register"); // clean generated-api
        op.SetHomeplusClientId(pseudonymizer.PseudonymizeHomeplusClientId(registration.AccountNumber)); // clean generated-api
        op.SetHomeplusNote(registration.Tariff); // clean generated-api
        op.SetHomeplusNote(registration.HolderName + " signed up"); // leak TC1001 generated-api
        Activity.Current?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
        Activity.Current?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
        Activity.Current?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
        Activity.Current?.SetTag("priority.account", registration.AccountNumber); // leak TC1001 direct
        Activity.Current?.SetTag("priority.holder", registration.HolderName); // leak TC1001 direct
        Activity.Current?.SetTag("priority.phone", registration.Phone); // leak TC1001 direct
        Activity.Current?.SetTag("priority.baby.birth", registration.BabyBirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); // leak TC1001 direct
        Activity.Current?.SetTag("priority.baby.birth.year", registration.BabyBirthDate.Year); // clean precision-about
        Activity.Current?.SetTag("priority.tariff", registration.Tariff); // clean precision-about
        Activity.Current?.SetTag("priority.phone.present", !string.IsNullOrEmpty(registration.Phone)); // clean precision-about
        Activity.Current?.SetTag("priority.accountType", "domestic"); // clean precision-names
        logger.LogInformation("Priority sign-up {Account}", pseudonymizer.ComputeHomeplusClientId(registration.AccountNumber)); // clean precision-pseudonym
        logger.LogInformation("Priority sign-up {@Registration}", registration); // leak TC1001 logging-objects
        logger.LogInformation("Priority sign-up {Registration}", registration with { Phone = "***" }); // leak TC1001 logging-objects
        logger.LogInformation("Priority sign-up tariff {Tariff} on offset {Offset}", registration.Tariff, result.Offset); // clean precision-names
        _signUps.Add(1, new KeyValuePair<string, object?>("tariff", registration.Tariff)); // clean precision-about
        _signUps.Add(1, new KeyValuePair<string, object?>("account", pseudonymizer.ComputeHomeplusClientId(registration.AccountNumber))); // leak TC1003 precision-pseudonym
        meter.CreateHomeplusOperationsCounter().Add(1, RegionOf(registration), "registered"); // clean generated-api
        meter.CreateHomeplusOperationDurationHistogram().Record(0.2, RegionOf(registration)); // clean generated-api
        var voucher = new StringBuilder();
        voucher.Append("voucher for ").Append(registration.HolderName).Append(" at ").Append(registration.AccountNumber);
        logger.LogDebug("Voucher {Voucher}", voucher.ToString()); // leak TC1001 strings
        var dedupe = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(registration.AccountNumber)));
        logger.LogDebug("Voucher dedupe {Key}", dedupe); // leak TC1002 hashes
        var keyed = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(registration.AccountNumber)));
        logger.LogDebug("Voucher keyed dedupe {Key}", keyed); // clean hashes
        Report();
    }

    private void Report()
    {
        Activity.Current?.AddEvent(new ActivityEvent("priority.processed", tags: new ActivityTagsCollection { ["account"] = _lastAccount })); // leak TC1001 cross-member
        Activity.Current?.SetTag("priority.account.known", _lastAccount is not null); // clean cross-member
        logger.LogInformation("Processed {Account}", pseudonymizer.ComputeHomeplusClientId(_lastAccount ?? string.Empty)); // clean precision-pseudonym
        try
        {
            throw new RecallFeedUnavailableException(options.RecallFeed, 503);
        }
        catch (RecallFeedUnavailableException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogHomeplusOperationFailedEvent(options.Site, "feed-down", homeplusNote: ex.Message); // clean generated-api
        }

        try
        {
            throw new InvalidOperationException("Account " + _lastAccount + " already on the register");
        }
        catch (InvalidOperationException ex)
        {
            logger.LogWarning(ex, "Duplicate sign-up"); // leak TC1001 exceptions
            logger.LogWarning("Duplicate sign-up ({Type})", ex.GetType().Name); // clean exceptions
        }
    }

    private static string RegionOf(PriorityRegistration registration) => registration.Tariff.StartsWith("E7", StringComparison.Ordinal) ? "north" : "south";
}
