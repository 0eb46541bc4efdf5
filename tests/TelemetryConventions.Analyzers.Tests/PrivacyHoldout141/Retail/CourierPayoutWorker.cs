namespace PrivacyHoldout141.Retail;

/// <summary>
/// Pays the self-employed couriers every Friday for the week's jobs and tips, through the card gateway's
/// payouts, and holds back payouts to e-money accounts (sort codes 04-00-xx) until the courier has verified them.
/// </summary>
public sealed class CourierPayoutWorker(
    ICourierNetworkClient network,
    ICardGateway gateway,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ActivitySource source,
    Meter meter,
    ILogger<CourierPayoutWorker> logger) : BackgroundService
{
    private readonly Counter<double> _paid = meter.CreateCounter<double>("clickcourier.payouts.amount", "GBP");
    private readonly List<DriverPayout> _held = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var weekEnding = DateOnly.FromDateTime(DateTime.UtcNow);
            await PayWeekAsync(weekEnding, stoppingToken);
            await Task.Delay(TimeSpan.FromDays(7), stoppingToken);
        }
    }

    private async Task PayWeekAsync(DateOnly weekEnding, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("clickcourier.payouts");
        var payouts = await network.WeeklyPayoutsAsync(weekEnding, cancellationToken);
        activity?.SetTag("clickcourier.payouts.count", payouts.Count);
        activity?.SetTag("clickcourier.payouts.total", payouts.Sum(p => p.Amount));

        foreach (var payout in payouts)
        {
            using var scope = logger.BeginScope("Payout {PayoutId}", payout.PayoutId); // clean precision-names
            if (payout.SortCode.StartsWith("04-00", StringComparison.Ordinal))
            {
                _held.Add(payout);
                logger.LogWarning("Holding payout {@Payout}", payout); // leak TC1001 logging-objects
                continue;
            }

            var reference = await gateway.PayOutAsync(payout, cancellationToken);
            activity?.AddEvent(new ActivityEvent("payout.sent", tags: new ActivityTagsCollection { ["payout"] = payout.PayoutId, ["reference"] = reference })); // clean precision-names
            activity?.AddEvent(new ActivityEvent("payout.account", tags: new ActivityTagsCollection { ["account.last4"] = payout.AccountNumber[^4..] })); // clean precision-about
            _paid.Add((double)payout.Amount, new KeyValuePair<string, object?>("week", weekEnding.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))); // clean precision-about
            _paid.Add((double)payout.Amount, new KeyValuePair<string, object?>("courier", pseudonymizer.ComputeClickcourierCourierId(payout.DriverId))); // leak TC1003 precision-pseudonym

            var digest = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(payout.AccountNumber)));
            logger.LogDebug("Paid to account digest {Digest}", digest); // leak TC1002 hashes

            using var hmac = new HMACSHA256(secrets.ShardKey);
            var bucket = hmac.ComputeHash(Encoding.UTF8.GetBytes(payout.DriverId))[0] % 10;
            activity?.AddEvent(new ActivityEvent("payout.bucket", tags: new ActivityTagsCollection { ["bucket"] = bucket })); // clean hashes
        }

        meter.CreateClickcourierHandoversCounter().Add(payouts.Count, "all-stores", "paid");
    }

    public void ReportHeld()
    {
        foreach (var payout in _held)
        {
            logger.LogWarning("Held: courier {Courier} sort code {SortCode}", payout.DriverId, payout.SortCode); // leak TC1001 cross-member
        }

        Activity.Current?.SetTag("clickcourier.payouts.held", _held.Count);
        Activity.Current?.SetTag("clickcourier.payouts.held_couriers", string.Join(",", _held.Select(p => pseudonymizer.ComputeClickcourierCourierId(p.DriverId)))); // clean precision-pseudonym
    }
}
