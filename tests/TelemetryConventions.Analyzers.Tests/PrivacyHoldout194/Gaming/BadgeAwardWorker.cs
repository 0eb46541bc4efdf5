namespace PrivacyHoldout194.Gaming;

/// <summary>Awards weekly badges (night owl free, smooth braker) and posts them to the league feed.</summary>
public sealed class BadgeAwardWorker(IQueueReceiver<WeeklyScore> scores, Pseudonymizer pseudonymizer, ILogger<BadgeAwardWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Publisher.DrivingLeague.Badges");
    private static readonly Meter Meter = new("Publisher.DrivingLeague.Badges");
    private static readonly Counter<long> Badges = Meter.CreateCounter<long>("scorequest.badges");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var score = await scores.ReceiveAsync(stoppingToken);
            if (score is null)
            {
                continue;
            }

            var badge = score.NightMinutes == 0 ? "night-owl-free" : score.HarshBrakes == 0 ? "smooth-braker" : "none";
            using var activity = Source.StartActivity("league.badge.award");
            activity?.SetTag("badge.name", badge); // clean precision-about
            activity?.SetTag("badge.week", score.Week); // clean precision-about
            activity?.SetTag("badge.policy", score.PolicyNumber); // leak TC1001 direct
            activity?.SetTag("badge.policy_suffix", score.PolicyNumber[^2..]); // clean precision-about
            var holder = pseudonymizer.ComputeScorequestClientId(score.PolicyNumber);
            activity?.SetTag("badge.holder", holder); // clean precision-pseudonym
            Badges.Add(1, new KeyValuePair<string, object?>("badge", badge)); // clean precision-about
            Badges.Add(1, new KeyValuePair<string, object?>("holder", holder)); // leak TC1003 precision-pseudonym
            logger.LogInformation("Badge {Badge} for {Score}", badge, score); // leak TC1001 logging-objects
            logger.LogInformation("Badge {Badge} for {@Score}", badge, new { score.Week, score.Score }); // clean logging-objects
            logger.LogInformation("Badge posted: " + $"{badge} to policy {score.PolicyNumber}"); // leak TC1001 strings
            var feedKey = score.PolicyNumber.GetHashCode() & 0x7fffffff;
            activity?.SetTag("badge.feed_key", feedKey); // leak TC1002 hashes
        }
    }
}
