namespace PrivacyHoldout107.Transport;

/// <summary>A rider who follows a route for disruption alerts. Prints its members.</summary>
public sealed record RouteFollower(Guid RiderId, string CardNumber, string? Email, string? Mobile, string RouteId, string Channel);

/// <summary>Sends disruption campaigns to the riders who follow the affected routes.</summary>
public sealed class DisruptionCampaignSender(
    IMarketingClient marketing,
    Pseudonymizer pseudonymizer,
    ILogger<DisruptionCampaignSender> logger)
{
    private static readonly ActivitySource Source = new("Transit.RiderCrm.Disruptions");
    private static readonly Meter Meter = new("Transit.RiderCrm.Disruptions");
    private static readonly RidecrmSendDurationHistogram Duration = Meter.CreateRidecrmSendDurationHistogram();
    private static readonly Counter<long> Notified = Meter.CreateCounter<long>("ridecrm.disruption.notified");

    public async Task SendAsync(string disruptionId, string routeId, IReadOnlyList<RouteFollower> followers, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var campaignId = $"disruption-{disruptionId}";
        using var span = Source.StartRidecrmSend(campaignId);
        span.SetRidecrmSegment($"route-{routeId}"); // clean precision-names
        span.SetRidecrmBatchSize(followers.Count); // clean precision-about
        span.Activity?.SetTag("route.id", routeId); // clean precision-names

        foreach (var channel in followers.GroupBy(f => f.Channel))
        {
            var ids = channel.Select(f => f.RiderId.ToString()).ToList();
            try
            {
                var result = await marketing.TriggerCampaignAsync(new CampaignSend(campaignId, $"route-{routeId}", channel.Key, DateTimeOffset.UtcNow), ids, cancellationToken);
                Notified.Add(result.Accepted, new TagList { { "route", routeId }, { "channel", channel.Key } }); // clean precision-names
                logger.LogInformation("Disruption {Disruption} sent over {Channel}: {Result}", disruptionId, channel.Key, result); // clean logging-objects
                foreach (var error in result.Errors)
                {
                    logger.LogWarning("Recipient {Recipient} refused: {Reason}", error.Recipient, error.Reason); // leak TC1001 direct
                    logger.LogWarning("A recipient over {Channel} refused with {Code}", channel.Key, error.Code); // clean precision-names
                }
            }
            catch (MarketingApiException ex) when (ex.Status == 429)
            {
                logger.LogWarning(ex, "Rate limited sending {Campaign} over {Channel}", campaignId, channel.Key); // clean exceptions
            }
            catch (MarketingApiException ex)
            {
                logger.LogRidecrmSyncFailedEvent(ex.Code, $"route-{routeId}", ridecrmNote: ex.Message); // leak TC1001 generated-api
                span.RecordException(ex); // clean exceptions
            }

            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, campaignId, channel.Key); // clean precision-names
        }

        var smsOnly = followers.Where(f => f.Channel == "sms").ToList();
        logger.LogDebug("SMS followers {Mobiles}", smsOnly.Select(f => f.Mobile).ToArray()); // leak TC1001 strings
        logger.LogDebug("SMS followers {Count}, with email too {WithEmail}", smsOnly.Count, smsOnly.Count(f => f.Email is not null)); // clean precision-about
        span.SetRidecrmRiderId(pseudonymizer.PseudonymizeRidecrmRiderId(followers[0].RiderId.ToString())); // clean precision-pseudonym
        span.SetRidecrmNote($"first follower card {followers[0].CardNumber}"); // leak TC1001 generated-api
        span.SetRidecrmNote($"first follower card ending {followers[0].CardNumber[^4..]}"); // clean generated-api
    }
}
