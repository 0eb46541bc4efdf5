namespace PrivacyHoldout174.Energy;

/// <summary>Nightly: rotates the codes of the key safes the supplier fitted for PSR customers and reports the run.</summary>
public sealed class KeySafeRotationWorker(ILogger<KeySafeRotationWorker> logger, IClientStore clients, Pseudonymizer pseudonymizer, Meter meter, HomeCareOptions options) : BackgroundService
{
    private static readonly ActivitySource Source = new("Supplier.KeySafes");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var due = await clients.DueForRotationAsync(options.KeySafeRotationDays, stoppingToken);
        using var span = Source.StartPsrvisitsOperation("south-west");
        span.SetPsrvisitsItemCount(due.Count); // clean generated-api
        var rotated = 0;
        foreach (var account in due)
        {
            var safe = await clients.KeySafeAsync(account, stoppingToken);
            if (safe is null)
            {
                logger.LogPsrvisitsOperationFailedEvent(psrvisitsRegion: "south-west", psrvisitsOutcome: "no_safe", psrvisitsClientId: pseudonymizer.PseudonymizePsrvisitsClientId(account)); // clean precision-pseudonym
                continue;
            }
            var fresh = RandomNumberGenerator.GetInt32(1000, 9999).ToString(CultureInfo.InvariantCulture);
            await clients.SaveKeySafeAsync(safe with { Code = fresh, ChangedAt = DateTimeOffset.UtcNow }, stoppingToken);
            logger.LogDebug("Key safe {@Safe} rotated", safe); // leak TC1001 logging-objects
            logger.LogDebug("Key safe rotated after {Days} days", (DateTimeOffset.UtcNow - safe.ChangedAt).Days); // clean precision-about
            span.SetPsrvisitsNote("rotated " + fresh); // leak TC1001 generated-api
            rotated++;
        }

        PsrvisitsOperationsCounter.For(meter).Add(rotated, psrvisitsRegion: "south-west", psrvisitsOutcome: "rotated"); // clean generated-api
        PsrvisitsOperationsCounter.For(meter).Add(1, psrvisitsRegion: "south-west", psrvisitsOutcome: pseudonymizer.ComputePsrvisitsClientId(due[0])); // leak TC1003 generated-api
        span.SetPsrvisitsOutcome(rotated == due.Count ? "completed" : "partial"); // clean generated-api
        logger.LogInformation("Rotation run finished, {Rotated} of {Due}, next in {Days} days", rotated, due.Count, options.KeySafeRotationDays); // clean precision-about
    }
}
