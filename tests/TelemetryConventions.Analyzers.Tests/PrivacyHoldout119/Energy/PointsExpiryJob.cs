namespace PrivacyHoldout119.Energy;

/// <summary>Expires green rewards points older than the programme's limit and warns households a month ahead.</summary>
public sealed class PointsExpiryJob(IPointsLedger ledger, IHouseholdPools pools, Pseudonymizer pseudonymizer, ILogger<PointsExpiryJob> logger) : BackgroundService
{
    private const string Programme = "green-rewards";
    private static readonly ActivitySource Source = new("Supplier.GreenRewards.Expiry");
    private static readonly Meter Meter = new("Supplier.GreenRewards.Expiry");
    private static readonly Counter<long> Expiring = Meter.CreateCounter<long>("greenrwd.points.expiring", "{point}");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var cutoff = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(1));
        using var span = Source.StartGreenrwdAccrue(Programme).SetGreenrwdOutcome("expiry-warning");
        span.Activity?.SetTag("greenrwd.expiry.cutoff", cutoff.ToString("O", CultureInfo.InvariantCulture)); // clean precision-names
        int notices = 0;
        long points = 0;
        await foreach (var notice in ledger.ExpiringAsync(Programme, cutoff, stoppingToken))
        {
            notices++;
            points += notice.Points;
            Expiring.Add(notice.Points, new KeyValuePair<string, object?>("month", notice.ExpiresOn.ToString("yyyy-MM", CultureInfo.InvariantCulture))); // clean precision-names
            if (notice.Points > 20_000)
            {
                logger.LogInformation("Large expiry {Notice}", notice); // leak TC1001 logging-objects
                Expiring.Add(0, new KeyValuePair<string, object?>("account", notice.MemberNumber)); // leak TC1003 direct
            }

            var pool = await pools.ForMemberAsync(notice.MemberNumber, stoppingToken);
            if (pool is not null)
            {
                span.Activity?.AddEvent(new ActivityEvent("greenrwd.pool.expiry", tags: new ActivityTagsCollection { ["pool"] = pool.PoolId, ["members"] = pool.MemberNumbers.Count })); // leak TC1001 direct
                logger.LogDebug("Pooled expiry for {Owner} shared with {Others} other households", pseudonymizer.ComputeGreenrwdMemberId(pool.OwnerMemberNumber), pool.MemberNumbers.Count - 1); // clean precision-pseudonym
                using (logger.BeginScope("Pool {PoolOwner}", pool.OwnerMemberNumber)) // leak TC1001 direct
                {
                    logger.LogDebug("Warning each pooled household");
                }
            }
        }

        span.SetGreenrwdEntryCount(notices).SetGreenrwdPoints(points); // clean precision-about
        logger.LogInformation("{Notices} expiry notices, {Points} points at risk before {Cutoff}", notices, points, cutoff); // clean precision-about
    }
}
