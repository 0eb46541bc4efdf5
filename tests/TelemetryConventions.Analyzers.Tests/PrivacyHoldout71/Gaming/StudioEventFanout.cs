using System.Net.Http;
using CloudNative.CloudEvents;

namespace PrivacyHoldout71.Gaming;

public sealed record PlayerBanned(Guid PlayerId, string Gamertag, string BanCode, string ModeratorNote, DateTimeOffset Until);

public sealed record AchievementUnlocked(Guid PlayerId, string AchievementId, string TitleId, int Gamerscore);

/// <summary>
/// Fans platform events out to partner studios as binary-mode CloudEvents. The subject is the match or
/// title the event is about; ban events carry the player's id in the <c>playerid</c> extension, which the
/// studios asked for.
/// </summary>
public sealed class StudioEventFanout(
    HttpClient http,
    IReadOnlyList<WebhookSubscription> studios,
    IDeliveryLog deliveryLog,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<StudioEventFanout> logger)
{
    private static readonly JsonEventFormatter Formatter = new();
    private readonly GamehookDeliveriesCounter _deliveries = meter.CreateGamehookDeliveriesCounter();

    public Task PublishBanAsync(PlayerBanned ban, CancellationToken cancellationToken)
    {
        var cloudEvent = new CloudEvent { Id = Guid.NewGuid().ToString(), Source = new Uri("urn:platform:moderation"), Type = "com.platform.player.banned.v1", Subject = ban.BanCode, Data = ban };
        cloudEvent["playerid"] = ban.PlayerId.ToString();
        logger.LogInformation("Ban {BanCode} until {Until:d}: {Note}", ban.BanCode, ban.Until, ban.ModeratorNote); // leak TC1001 direct
        logger.LogInformation("Ban {BanCode} until {Until:d}, note of {NoteLength} characters", ban.BanCode, ban.Until, ban.ModeratorNote.Length); // clean precision-about
        return FanOutAsync(cloudEvent, pseudonymizer.PseudonymizeGamehookPlayerId(ban.PlayerId.ToString()), cancellationToken);
    }

    public Task PublishAchievementAsync(AchievementUnlocked unlocked, CancellationToken cancellationToken)
    {
        var cloudEvent = new CloudEvent { Id = Guid.NewGuid().ToString(), Source = new Uri("urn:platform:achievements"), Type = "com.platform.achievement.unlocked.v1", Subject = unlocked.TitleId, Data = unlocked };
        Activity.Current?.AddEvent(new ActivityEvent("achievement.fanout", tags: new ActivityTagsCollection { ["title"] = unlocked.TitleId, ["achievement"] = unlocked.AchievementId, ["gamerscore"] = unlocked.Gamerscore })); // clean direct
        return FanOutAsync(cloudEvent, pseudonymizer.PseudonymizeGamehookPlayerId(unlocked.PlayerId.ToString()), cancellationToken);
    }

    private async Task FanOutAsync(CloudEvent cloudEvent, Pseudonym playerRef, CancellationToken cancellationToken)
    {
        foreach (var studio in studios.Where(s => s.EventTypes.Contains(cloudEvent.Type!)))
        {
            using var span = source.StartGamehookDeliver(cloudEvent.Type!); // clean generated-api
            span.SetGamehookPartner(studio.Owner).SetGamehookEventId(cloudEvent.Id!).SetGamehookPlayerId(playerRef); // clean precision-pseudonym
            using var content = cloudEvent.ToHttpContent(ContentMode.Binary, Formatter);
            foreach (var (attribute, value) in cloudEvent.GetPopulatedAttributes())
            {
                content.Headers.TryAddWithoutValidation($"ce-{attribute.Name}", value.ToString());
                span.Activity?.SetTag($"cloudevents.ext.{attribute.Name}", value); // leak TC1001 cross-member
            }
            var headers = content.Headers.Where(h => h.Key.StartsWith("ce-", StringComparison.Ordinal)).Select(h => h.Key).ToArray();
            span.Activity?.SetTag("cloudevents.headers", string.Join(",", headers)); // clean precision-names

            using var request = new HttpRequestMessage(HttpMethod.Post, studio.Endpoint) { Content = content };
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken);
            }
            catch (TaskCanceledException ex)
            {
                span.RecordException(ex, includeMessage: true); // clean exceptions
                _deliveries.Add(1, cloudEvent.Type!, studio.Owner, "timeout");
                continue;
            }

            await deliveryLog.AppendAsync(new DeliveryAttempt(Guid.NewGuid().ToString("N"), studio.Id, cloudEvent.Id!, cloudEvent.Type!, 1, (int)response.StatusCode, TimeSpan.Zero, null), cancellationToken);
            span.SetGamehookOutcome(response.IsSuccessStatusCode ? "delivered" : "failed"); // clean generated-api
            _deliveries.Add(1, cloudEvent.Type!, studio.Owner, response.IsSuccessStatusCode ? "delivered" : $"http_{(int)response.StatusCode}"); // clean generated-api
            if (!response.IsSuccessStatusCode && cloudEvent.Data is PlayerBanned ban)
            {
                logger.LogWarning("Studio {Studio} refused ban of {PlayerId}", studio.Owner, ban.PlayerId); // leak TC1001 cross-member
                span.SetGamehookNote($"studio refused {ban.BanCode}"); // clean generated-api
                span.Activity?.SetTag(GamehookAttributes.PlayerContact, ban.Gamertag); // leak TC1001 generated-api
            }
        }
    }
}
