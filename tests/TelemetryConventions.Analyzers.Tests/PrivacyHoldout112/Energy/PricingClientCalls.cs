using Metering.V1;

namespace PrivacyHoldout112.Energy;

/// <summary>
/// The billing run asks the pricing service for each account's tariff, with a short deadline per call and a retry
/// on Unavailable. The pricing service's errors name the tariff and region only.
/// </summary>
public sealed class TariffLookup(
    Pricing.PricingClient client,
    Pseudonymizer pseudonymizer,
    ILogger<TariffLookup> logger)
{
    private static readonly ActivitySource Source = new("Supplier.Billing.Pricing");
    private static readonly Meter Meter = new("Supplier.Billing.Pricing");
    private static readonly Histogram<double> Latency = Meter.CreateHistogram<double>("meter.pricing.latency", "s");

    public async Task<Tariff?> TariffForAsync(string accountNumber, string tariffCode, string region, CancellationToken cancellationToken)
    {
        using var span = Source.StartMeterrpcCall("/meter.v1.Pricing/GetTariff")
            .SetMeterrpcAccountId(pseudonymizer.PseudonymizeMeterrpcAccountId(accountNumber)); // clean precision-pseudonym
        var headers = new Metadata { { "x-billing-run", DateTime.UtcNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture) }, { "x-region", region } };
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                var tariff = await client.GetTariffAsync(new GetTariffRequest { TariffCode = tariffCode, Region = region }, headers, DateTime.UtcNow.AddMilliseconds(800), cancellationToken);
                Latency.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("region", region)); // clean precision-names
                logger.LogDebug("Tariff {Tariff} with headers {Headers}", tariff, headers); // clean logging-objects
                span.SetMeterrpcOutcome("priced").SetMeterrpcNote($"attempt {attempt}, {tariff.UnitRatePence}p/kWh"); // clean generated-api
                return tariff;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Unavailable && attempt < 3)
            {
                logger.LogInformation(ex, "Pricing unavailable on attempt {Attempt}", attempt); // clean exceptions
                Latency.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("account", accountNumber)); // leak TC1003 direct
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.DeadlineExceeded or StatusCode.Cancelled)
            {
                span.SetMeterrpcOutcome(ex.StatusCode.ToString()).SetStatus(ActivityStatusCode.Error, ex.Status.Detail); // clean exceptions
                logger.LogMeterrpcCallFailedEvent("/meter.v1.Pricing/GetTariff", "timeout", pseudonymizer.PseudonymizeMeterrpcAccountId(accountNumber), $"account {accountNumber} not priced"); // leak TC1001 generated-api
                logger.LogWarning("Billing of {Account} skipped: {Reason}", accountNumber, ex.StatusCode); // leak TC1001 direct
                return null;
            }
            catch (RpcException ex)
            {
                logger.LogError(ex, "Pricing failed for tariff {Tariff} in {Region}", tariffCode, region); // clean exceptions
                return null;
            }
        }

        return null;
    }
}
