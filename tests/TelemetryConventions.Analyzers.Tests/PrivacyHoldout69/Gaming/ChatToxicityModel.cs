using System.Text.Json;

namespace PrivacyHoldout69.Gaming;

public sealed record ChatLine(string ChannelId, Guid SenderId, string SenderGamertag, string Text, DateTimeOffset SentAt);

public sealed record ModerationRequest(string Channel, string Sender, string Text, string Locale);

/// <summary>The moderation queue is full. The message names the channel and the depth.</summary>
public sealed class ModerationBacklogException(string channelId, int depth)
    : Exception($"Moderation backlog on channel {channelId}: {depth} lines waiting.");

/// <summary>
/// Scores in-game chat with the toxicity classifier. Lines over 0.9 are hidden at once; lines
/// between 0.6 and 0.9 are sampled for the labelling team, whose labels retrain the model.
/// </summary>
public sealed class ChatToxicityModel(
    IScoringClient scoring,
    ILabelQueue labels,
    ShardKey shardKey,
    Pseudonymizer pseudonymizer,
    ILogger<ChatToxicityModel> logger)
{
    private static readonly ActivitySource Source = new("Game.Chat.Toxicity");
    private static readonly Meter Meter = new("Game.Chat.Toxicity");
    private static readonly Histogram<double> Scores = Meter.CreateHistogram<double>("chat.toxicity.score");

    public async Task<bool> AllowAsync(ChatLine line, string locale, CancellationToken ct)
    {
        using var activity = Source.StartActivity("chat.classify");
        activity?.SetTag("chat.channel", line.ChannelId); // clean precision-about
        activity?.SetTag("chat.length", line.Text.Length);

        var request = new ModerationRequest(line.ChannelId, line.SenderId.ToString(), line.Text, locale);
        logger.LogDebug("Classifier request {@ModerationRequest}", request); // leak TC1001 logging-objects
        activity?.AddEvent(new ActivityEvent("chat.classify.request", tags: new ActivityTagsCollection { ["body"] = JsonSerializer.Serialize(request) })); // leak TC1001 strings

        ScoringResponse response;
        try
        {
            response = await scoring.ScoreAsync(new ScoringRequest("toxicity-xlmr", new Dictionary<string, object?> { ["text"] = line.Text, ["locale"] = locale }), ct);
        }
        catch (ScoringException ex) when (ex.StatusCode == 429)
        {
            var backlog = new ModerationBacklogException(line.ChannelId, 5000);
            activity?.AddException(backlog); // clean exceptions
            logger.LogWarning("Classifier throttled; line allowed unscored: {Line}", line.Text); // leak TC1001 direct
            return true;
        }

        Scores.Record(response.Score, new KeyValuePair<string, object?>("model", response.ModelVersion), new KeyValuePair<string, object?>("locale", locale)); // clean precision-about
        activity?.SetTag("chat.toxicity", response.Score); // clean precision-about
        var label = response.Score > 0.9 ? "hide" : response.Score > 0.6 ? "borderline" : "ok";
        logger.LogInformation("Chat line from {SenderRef} classified {Label} ({Score:0.00}) by {Model}", pseudonymizer.ComputeIntegrityPlayerId(line.SenderId.ToString()), label, response.Score, response.ModelVersion); // clean precision-pseudonym

        if (label == "borderline" && shardKey.Bucket(line.ChannelId + line.SentAt.ToUnixTimeMilliseconds(), 5) == 0)
        {
            await labels.EnqueueAsync(new LabelTask(Guid.NewGuid().ToString("N"), line.SenderId.ToString(), response.Score, new Dictionary<string, object?> { ["text"] = line.Text }), ct); // clean direct
            activity?.SetTag("chat.sampled_for_labels", true); // clean hashes
        }

        if (label == "hide")
        {
            logger.LogWarning("Hidden line by {Gamertag}: {Explanation}", line.SenderGamertag, response.TopFeatures.Select(f => f.Feature)); // leak TC1001 direct
            activity?.SetStatus(ActivityStatusCode.Error, $"hidden: {line.Text}"); // leak TC1001 strings
        }
        return label != "hide";
    }
}
