namespace PrivacyHoldout119.Media;

/// <summary>A finished viewing as the playback service reports it.</summary>
public sealed record ViewingCompleted(Guid SubscriberId, Guid ProfileId, string ProfileName, string TitleId, int Minutes, string DeviceClass);

/// <summary>Earns fan rewards points for finishing titles, with double points on the season's featured titles.</summary>
public sealed class WatchPointsAccrual(IQueueReceiver<ViewingCompleted> queue, IPointsLedger ledger, Pseudonymizer pseudonymizer, ILogger<WatchPointsAccrual> logger) : BackgroundService
{
    private const string Programme = "fan-rewards";
    private static readonly ActivitySource Source = new("Streaming.FanRewards.Watch");
    private static readonly Meter Meter = new("Streaming.FanRewards.Watch");
    private static readonly HashSet<string> Featured = ["tt-0091", "tt-0117"];
    private Guid _lastSubscriber;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var posted = Meter.CreateFanrwdPointsPostedCounter();
        while (!stoppingToken.IsCancellationRequested)
        {
            var viewing = await queue.ReceiveAsync(stoppingToken);
            if (viewing is null)
            {
                continue;
            }

            _lastSubscriber = viewing.SubscriberId;
            var campaign = Featured.Contains(viewing.TitleId) ? "featured-double" : "standard";
            var points = viewing.Minutes / 10 * (campaign == "featured-double" ? 2 : 1);
            using var span = Source.StartFanrwdAccrue(Programme)
                .SetFanrwdCampaign(campaign) // clean generated-api
                .SetFanrwdMemberId(pseudonymizer.PseudonymizeFanrwdMemberId(viewing.SubscriberId.ToString())); // clean precision-pseudonym
            span.Activity?.SetTag("media.title", viewing.TitleId); // clean precision-names
            span.Activity?.SetTag("media.device_class", viewing.DeviceClass);
            span.Activity?.SetTag("media.profile", viewing.ProfileId); // leak TC1001 direct
            logger.LogDebug("{ProfileName} finished {Title} ({Minutes} min)", viewing.ProfileName, viewing.TitleId, viewing.Minutes); // leak TC1001 direct
            logger.LogDebug("Viewing {Viewing}", viewing); // leak TC1001 logging-objects

            var posting = await ledger.PostAsync(new PostingRequest { IdempotencyKey = $"watch:{viewing.ProfileId:N}:{viewing.TitleId}", MemberNumber = viewing.SubscriberId.ToString(), Points = points, Reason = campaign }, stoppingToken);
            posted.Add(posting.Posted, Programme, "watch", posting.Duplicate ? "duplicate" : "posted"); // clean generated-api
            if (posting.Duplicate)
            {
                ReportDuplicate(span.Activity);
            }
        }
    }

    private void ReportDuplicate(Activity? activity)
    {
        activity?.AddEvent(new ActivityEvent("fanrwd.duplicate", tags: new ActivityTagsCollection { ["subscriber"] = _lastSubscriber.ToString() })); // leak TC1001 cross-member
        logger.LogInformation("Duplicate watch posting; last subscriber seen {Len} chars", _lastSubscriber.ToString().Length); // clean precision-about
    }
}
