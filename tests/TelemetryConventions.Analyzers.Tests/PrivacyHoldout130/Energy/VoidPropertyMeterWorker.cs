namespace PrivacyHoldout130.Energy;

public sealed record VoidMeter(string PropertyRef, string Mpan, string MeterSerial, string LandlordAccountNumber, DateOnly VoidSince, decimal LastReading, bool Prepayment);

/// <summary>
/// Nightly: finds meters at void properties (between tenancies), bills the consumption to the landlord's account
/// and flags prepayment meters that need a credit reset before the next tenant moves in.
/// </summary>
public sealed partial class VoidPropertyMeterWorker(Pseudonymizer pseudonymizer, ILogger<VoidPropertyMeterWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Supplier.Voids");
    private static readonly Meter Meter = new("Supplier.Voids");
    private static readonly UpDownCounter<long> VoidCount = Meter.CreateUpDownCounter<long>("voids.open");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var voids = await LoadVoidsAsync(stoppingToken);
        using var activity = Source.StartActivity("voids.nightly");
        activity?.SetTag("voids.count", voids.Count); // clean precision-about
        activity?.SetTag("voids.prepayment", voids.Count(v => v.Prepayment)); // clean precision-about
        activity?.SetTag("voids.oldest_days", voids.Count == 0 ? 0 : voids.Max(v => DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - v.VoidSince.DayNumber)); // clean precision-about
        VoidCount.Add(voids.Count, new KeyValuePair<string, object?>("region", voids.FirstOrDefault()?.Mpan[..2])); // clean precision-about

        foreach (var meter in voids)
        {
            using var span = Source.StartCotTenancy(meter.PropertyRef).SetCotTenantId(pseudonymizer.PseudonymizeCotTenantId(meter.LandlordAccountNumber)); // clean precision-pseudonym
            logger.LogDebug("Void meter {Meter}", meter); // leak TC1001 logging-objects
            VoidBilled(logger, meter.PropertyRef, meter.LandlordAccountNumber); // leak TC1001 logging-objects
            span.Activity?.SetTag("voids.serial.digest", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(meter.MeterSerial)))[..12]); // leak TC1002 hashes
            span.Activity?.SetTag("voids.mpan.hash", meter.Mpan.GetHashCode()); // leak TC1002 hashes
            Meter.CreateCotActionsCounter().Add(1, meter.Mpan[..2], cotOutcome: meter.Prepayment ? "reset" : "billed"); // clean generated-api
            Meter.CreateCotActionsCounter().Add(1, meter.LandlordAccountNumber); // leak TC1003 generated-api
            if (meter.Prepayment)
            {
                logger.LogCotTenancyFailedEvent(meter.PropertyRef, "credit-reset", cotNote: $"Reset needed on {meter.MeterSerial}"); // leak TC1001 generated-api
            }
        }
    }

    private static Task<IReadOnlyList<VoidMeter>> LoadVoidsAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<VoidMeter>>(Array.Empty<VoidMeter>());

    [LoggerMessage(EventId = 7301, Level = LogLevel.Information, Message = "Void consumption at {PropertyRef} billed to {LandlordAccount}")]
    private static partial void VoidBilled(ILogger logger, string propertyRef, string landlordAccount);
}
