namespace PrivacyHoldout129.Retail;

public sealed record LinkedRunner(string CustomerNumber, long AthleteId, string AccessToken, string FirstName, string Email);

public sealed record RewardVoucher(string VoucherCode, string CustomerNumber, decimal Value, DateOnly Expires);

public interface ILinkedRunners
{
    Task<IReadOnlyList<LinkedRunner>> InChallengeAsync(string challengeId, CancellationToken cancellationToken);

    Task<RewardVoucher> IssueVoucherAsync(string customerNumber, decimal value, CancellationToken cancellationToken);
}

/// <summary>The summer 5k challenge: runners who linked their activity account and beat their 5k time on the park segment earn a voucher.</summary>
public sealed class FiveKChallengeRewardsWorker(ILinkedRunners runners, IActivityClient client, Pseudonymizer pseudonymizer, ILogger<FiveKChallengeRewardsWorker> logger)
{
    private const long ParkSegmentId = 7_112_345;
    private static readonly ActivitySource Source = new("RunClub.FiveK");
    private static readonly Meter Meter = new("RunClub.FiveK");
    private static readonly Histogram<int> SegmentTimes = Meter.CreateHistogram<int>("runclub.fivek.segment_time", "s");

    public async Task RunAsync(string challengeId, long recentActivityId, CancellationToken cancellationToken)
    {
        using var span = Source.StartRunclubSync(runclubSource: "strava");
        span.SetRunclubChallenge(challengeId); // clean precision-names
        var segment = await client.GetSegmentAsync(ParkSegmentId, cancellationToken);
        span.Activity?.SetTag("segment", segment); // clean logging-objects
        span.Activity?.SetTag("segment.start", $"{segment.StartLatLng.Lat:F5},{segment.StartLatLng.Lng:F5}"); // clean precision-names

        var linked = await runners.InChallengeAsync(challengeId, cancellationToken);
        span.SetRunclubSampleCount(linked.Count); // clean precision-about
        foreach (var runner in linked)
        {
            IReadOnlyList<SegmentEffort> efforts;
            try
            {
                efforts = await client.GetSegmentEffortsAsync(recentActivityId, runner.AccessToken, cancellationToken);
            }
            catch (AthleteUnauthorizedException ex)
            {
                logger.LogRunclubSyncFailedEvent(runclubSource: "strava", runclubOutcome: "unauthorised", runclubCustomerId: pseudonymizer.PseudonymizeRunclubCustomerId(runner.CustomerNumber), runclubNote: ex.Message); // leak TC1001 generated-api
                continue;
            }
            catch (RateLimitExceededException ex)
            {
                logger.LogWarning(ex, "Rate limited after {Usage} requests", ex.Usage); // clean exceptions
                break;
            }

            var onPark = efforts.Where(e => e.SegmentId == ParkSegmentId).ToList();
            foreach (var effort in onPark)
            {
                SegmentTimes.Record(effort.ElapsedTimeSeconds, new KeyValuePair<string, object?>("segment", effort.SegmentName)); // clean precision-names
                logger.LogDebug("Effort {Effort}", effort); // leak TC1001 logging-objects
            }

            var pb = onPark.FirstOrDefault(e => e.PrRank == 1);
            if (pb is null)
            {
                continue;
            }

            var voucher = await runners.IssueVoucherAsync(runner.CustomerNumber, 10m, cancellationToken);
            logger.LogInformation("5k PB {Seconds}s, voucher worth {Value} expiring {Expires}", pb.ElapsedTimeSeconds, voucher.Value, voucher.Expires); // clean precision-about
            logger.LogInformation("Voucher {Code} issued", voucher.VoucherCode); // leak TC1001 cross-member
            span.Activity?.AddEvent(new ActivityEvent("fivek.pb", tags: new ActivityTagsCollection { ["customer"] = pseudonymizer.ComputeRunclubCustomerId(runner.CustomerNumber), ["seconds"] = pb.ElapsedTimeSeconds })); // clean precision-pseudonym
            span.Activity?.AddEvent(new ActivityEvent("fivek.pb.athlete", tags: new ActivityTagsCollection { ["athlete"] = pb.AthleteId, ["kom_rank"] = pb.KomRank })); // leak TC1001 cross-member
            SegmentTimes.Record(pb.ElapsedTimeSeconds, new KeyValuePair<string, object?>("runner", runner.FirstName)); // leak TC1003 cross-member
            Meter.CreateRunclubActivitiesCounter().Add(1, runclubSport: "run", runclubOutcome: "pb-rewarded"); // clean generated-api
        }
    }
}
