namespace PrivacyHoldout155.Energy;

/// <summary>
/// Tops up the prepayment meters of dispersal houses each week from the provider's energy allowance, so that
/// families placed there are never left without gas or electricity.
/// </summary>
public sealed class PrepaymentTopUpService(
    IPrepaymentVendor vendor,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<PrepaymentTopUpService> logger)
{
    private readonly Histogram<double> _amounts = meter.CreateHistogram<double>("dispersal.topup.amount", "GBP");
    private readonly UpDownCounter<long> _pending = meter.CreateUpDownCounter<long>("dispersal.topup.pending", "{topup}");

    public async Task TopUpAsync(DispersalProperty property, string householdReference, decimal amount, CancellationToken cancellationToken)
    {
        using var span = source.StartDispersalOperation(property.Region);
        span.SetDispersalHouseholdId(pseudonymizer.PseudonymizeDispersalHouseholdId(householdReference)); // clean generated-api
        span.SetDispersalPropertyCount(1); // clean generated-api
        span.SetDispersalNote($"Top-up of {amount:0.00} in {property.Region}"); // clean generated-api
        Activity.Current?.SetTag("dispersal.meter.serial", property.MeterSerial); // leak TC1001 direct
        Activity.Current?.SetTag("dispersal.meter.model", property.MeterSerial[..3]); // clean precision-about
        Activity.Current?.SetTag("dispersal.bedspaces", property.Bedspaces); // clean precision-about
        Activity.Current?.SetTag("dispersal.topup.label", string.Concat(property.Region, "-", amount.ToString("0", CultureInfo.InvariantCulture))); // clean strings
        logger.LogInformation("Topping up for household {Household}", householdReference); // leak TC1001 direct
        _pending.Add(1, new KeyValuePair<string, object?>("region", property.Region)); // clean precision-about
        try
        {
            var topUp = await vendor.VendAsync(property.MeterSerial, amount, cancellationToken);
            _amounts.Record((double)topUp.Amount, new KeyValuePair<string, object?>("region", property.Region)); // clean precision-about
            logger.LogInformation("Top-up {TopUpId} vended for {Amount}", topUp.TopUpId, topUp.Amount); // clean precision-about
            logger.LogInformation("Top-up vended: {TopUp}", topUp); // leak TC1001 logging-objects
            meter.CreateDispersalTopupsCounter().Add(1, dispersalRegion: property.Region, dispersalOutcome: "vended"); // clean generated-api
        }
        catch (VendRejectedException ex)
        {
            span.RecordException(ex); // clean exceptions
            logger.LogError(ex, "Vend rejected in {Region}", property.Region); // leak TC1001 exceptions
            meter.CreateDispersalTopupsCounter().Add(1, dispersalRegion: property.Region, dispersalOutcome: property.PropertyId); // leak TC1003 generated-api
        }
        catch (SupplierUnavailableException ex)
        {
            logger.LogDispersalOperationFailedEvent(property.Region, "supplier-down", dispersalNote: ex.Message); // clean exceptions
        }
        finally
        {
            _pending.Add(-1, new KeyValuePair<string, object?>("region", property.Region)); // clean precision-about
        }
    }

    public void RecordMeterShard(DispersalProperty property)
    {
        var digest = HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(property.MeterSerial));
        Activity.Current?.SetTag("dispersal.meter.shard", digest[0] & 0x1F); // clean hashes
        Activity.Current?.SetTag("dispersal.meter.fingerprint", property.MeterSerial.GetHashCode()); // leak TC1002 hashes
        Activity.Current?.SetTag("dispersal.property", property.PropertyId); // leak TC1001 direct
    }
}
