namespace PrivacyHoldout175.Energy;

/// <summary>
/// Festival-goers top up their cashless wristband at the traders' pitch meters the energy supplier runs; the worker
/// settles the top-ups from a queue.
/// </summary>
public sealed class CashlessTopUpWorker(
    IQueueReceiver<CashlessTopUp> queue,
    ITicketStore tickets,
    ILogger<CashlessTopUpWorker> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets) : BackgroundService
{
    private static readonly ActivitySource Source = new("Power.Cashless");
    private static readonly Meter Meter = new("Power.Cashless");
    private static readonly Histogram<double> TopUps = Meter.CreateHistogram<double>("cashless.topup.amount");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var topUp = await queue.ReceiveAsync(stoppingToken);
            if (topUp is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("cashless.topup");
            activity?.SetTag("pitch.meter", topUp.PitchMeter); // clean precision-names
            activity?.SetTag("topup.amount", (double)topUp.Amount); // clean precision-about
            TagWristband(activity, topUp.WristbandUid); // leak TC1001 cross-member

            var holder = await tickets.FindByWristbandAsync(topUp.WristbandUid, stoppingToken);
            if (holder is null)
            {
                try
                {
                    throw new WristbandNotRegisteredException(topUp.WristbandUid);
                }
                catch (WristbandNotRegisteredException ex)
                {
                    logger.LogWarning(ex, "Top-up on an unknown wristband"); // leak TC1001 exceptions
                    activity?.SetTag("error.type", ex.GetType().FullName); // clean exceptions
                }

                continue;
            }

            var account = pseudonymizer.PseudonymizeSitepowerHolderId(holder.HolderId);
            using var span = Source.StartSitepowerOperation(topUp.PitchMeter).SetSitepowerHolderId(account); // clean generated-api
            span.SetSitepowerNote("Top-up for " + holder.Email); // leak TC1001 generated-api
            logger.LogInformation("Top-up of {Amount} by {Holder}", topUp.Amount, account); // clean precision-pseudonym
            TopUps.Record((double)topUp.Amount, new KeyValuePair<string, object?>("ticket_type", holder.TicketType)); // clean precision-names
            TopUps.Record((double)topUp.Amount, new KeyValuePair<string, object?>("wristband", topUp.WristbandUid)); // leak TC1003 direct

            var bucket = Bucket(topUp.WristbandUid);
            activity?.SetTag("wristband.bucket", bucket); // clean hashes
            var quick = new Guid(SHA1.HashData(Encoding.UTF8.GetBytes(topUp.WristbandUid)).AsSpan(0, 16));
            activity?.SetTag("wristband.ref", quick.ToString()); // leak TC1002 hashes
        }
    }

    private static void TagWristband(Activity? activity, string wristbandUid) =>
        activity?.SetTag("wristband.uid", wristbandUid); // leak TC1001 cross-member

    private int Bucket(string wristbandUid)
    {
        var mac = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(wristbandUid));
        return mac[0] & 31;
    }
}
