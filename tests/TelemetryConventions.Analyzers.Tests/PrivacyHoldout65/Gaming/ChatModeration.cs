using System.Security.Cryptography;
using System.Text;

namespace PrivacyHoldout65.Gaming;

public sealed record ChatMessage(string MessageId, Guid PlayerId, string Gamertag, string Channel, string Text, DateTimeOffset SentAt);

public sealed record ModerationVerdict(string MessageId, string Rule, double Score, bool Hidden);

public sealed record ModerationRule(string Name, int Severity);

/// <summary>The moderation service's log messages (event ids 5100–5149).</summary>
internal static partial class ModerationLog
{
    [LoggerMessage(EventId = 5101, EventName = "MessageHidden", Level = LogLevel.Information, Message = "Chat message hidden {@Verdict}")]
    public static partial void MessageHidden(this ILogger logger, ModerationVerdict verdict);

    [LoggerMessage(EventId = 5102, EventName = "MessageFlagged", Level = LogLevel.Warning, Message = "Chat message flagged {@Message}")]
    public static partial void MessageFlagged(this ILogger logger, ChatMessage message);

    [LoggerMessage(EventId = 5103, EventName = "PlayerMuted", Level = LogLevel.Warning, Message = "{Gamertag} muted for {Minutes} minutes")]
    public static partial void PlayerMuted(this ILogger logger, [PersonalData] string gamertag, int minutes);

    [LoggerMessage(EventId = 5104, EventName = "RepeatOffender", Level = LogLevel.Warning, Message = "Repeat offender {PlayerId} in {Channel}")]
    public static partial void RepeatOffender(this ILogger logger, Guid playerId, string channel);

    [LoggerMessage(EventId = 5105, EventName = "ChannelSummary", Level = LogLevel.Information, Message = "Channel summary {@Summary}")]
    public static partial void ChannelSummary(this ILogger logger, object summary);

    [LoggerMessage(EventId = 5106, EventName = "ClassifierFailed", Level = LogLevel.Error, Message = "Toxicity classifier failed on message {MessageId}")]
    public static partial void ClassifierFailed(this ILogger logger, Exception exception, string messageId);
}

public sealed class ClassifierRejectedException(string message) : Exception(message);

public interface IToxicityClassifier
{
    Task<double> ScoreAsync(string text, CancellationToken ct);
}

/// <summary>The toxicity classifier's client: a refusal quotes the start of the text it refused.</summary>
public sealed class ToxicityClassifierClient(System.Net.Http.HttpClient http) : IToxicityClassifier
{
    public async Task<double> ScoreAsync(string text, CancellationToken ct)
    {
        var response = await http.PostAsync("score", new System.Net.Http.StringContent(text), ct);
        if ((int)response.StatusCode == 422)
        {
            throw new ClassifierRejectedException($"Classifier refused input \"{text[..Math.Min(text.Length, 60)]}\"");
        }
        return double.Parse(await response.Content.ReadAsStringAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>Scores chat lines, hides the toxic ones and mutes repeat offenders.</summary>
public sealed class ChatModerator(
    ILogger<ChatModerator> logger,
    IToxicityClassifier classifier,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ServiceSecrets secrets)
{
    private readonly ArenaDecisionsCounter _decisions = meter.CreateArenaDecisionsCounter();
    private readonly Dictionary<Guid, int> _strikes = new();

    public async Task ModerateAsync(ChatMessage message, ModerationRule rule, CancellationToken ct)
    {
        using var span = source.StartArenaProcess(message.Channel)
            .SetArenaPlayerId(pseudonymizer.PseudonymizeArenaPlayerId(message.PlayerId.ToString())); // clean precision-pseudonym
        var ruleEvent = new EventId(5120 + rule.Severity, $"moderation.{rule.Name}");
        logger.Log(LogLevel.Information, ruleEvent, "Rule {Rule} evaluated on {MessageId}", rule.Name, message.MessageId); // clean precision-names

        double score;
        try
        {
            score = await classifier.ScoreAsync(message.Text, ct);
        }
        catch (System.Net.Http.HttpRequestException ex)
        {
            logger.ClassifierFailed(ex, message.MessageId); // clean exceptions
            return;
        }
        catch (ClassifierRejectedException ex)
        {
            logger.ClassifierFailed(ex, message.MessageId); // leak TC1001 exceptions
            return;
        }

        if (score < 0.8)
        {
            _decisions.Add(1, message.Channel, ArenaVerdict.Allowed); // clean generated-api
            return;
        }

        logger.MessageHidden(new ModerationVerdict(message.MessageId, rule.Name, score, Hidden: true)); // clean logging-objects
        logger.MessageFlagged(message); // leak TC1001 logging-objects
        logger.LogArenaHeldEvent(message.Channel, "held:toxic", arenaNote: message.Text); // leak TC1001 generated-api
        logger.LogArenaHeldEvent(message.Channel, "held:toxic", arenaNote: $"score {score:0.00} under rule {rule.Name}"); // clean generated-api
        _decisions.Add(1, message.Channel, ArenaVerdict.Held, arenaOutcome: $"held:{message.Gamertag}"); // leak TC1003 generated-api

        var strikes = _strikes[message.PlayerId] = _strikes.GetValueOrDefault(message.PlayerId) + 1;
        if (strikes >= 3)
        {
            logger.PlayerMuted(message.Gamertag, 30); // clean direct
            logger.RepeatOffender(message.PlayerId, message.Channel); // leak TC1001 direct
            span.SetArenaNote($"{strikes} strikes"); // clean precision-about
        }

        var cohort = MD5.HashData(Encoding.UTF8.GetBytes(message.Gamertag))[0] % 10;
        span.Activity?.SetTag("arena.moderation.cohort", cohort); // leak TC1002 hashes
        var keyedCohort = HMACSHA256.HashData(secrets.ShardKey, message.PlayerId.ToByteArray())[0] % 10;
        span.Activity?.SetTag("arena.moderation.shard", keyedCohort); // clean hashes
    }

    public void Summarise(string channel, IReadOnlyCollection<ChatMessage> window)
    {
        logger.ChannelSummary(new { Channel = channel, Messages = window.Count, Speakers = window.Select(m => m.PlayerId).Distinct().Count() }); // clean logging-objects
        logger.ChannelSummary(new { Channel = channel, Speakers = window.Select(m => m.Gamertag).Distinct().ToArray() }); // leak TC1001 logging-objects
    }
}
