using System.Diagnostics;
using System.Diagnostics.Metrics;
using Azure.AI.ContentSafety;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using PrivacyHoldout24.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout24.Gaming;

public sealed record LobbyChatMessage(Guid MessageId, Guid LobbyId, Guid PlayerId, string Gamertag, string Text, DateTimeOffset SentAt);

public enum ModerationVerdict
{
    Allowed,
    Rewritten,
    Blocked,
}

/// <summary>
/// Lobby chat moderation: the content-safety service scores each message, the team's blocklist catches
/// slurs and scam phrases, and borderline messages are rewritten by a small model before delivery.
/// </summary>
public sealed class ChatModerationPipeline(
    ContentSafetyClient contentSafety,
    IChatClient rewriter,
    Pseudonymizer pseudonymizer,
    ILogger<ChatModerationPipeline> logger)
{
    private static readonly ActivitySource Source = new("Arena.Moderation");

    private static readonly Meter ModerationMeter = new("Arena.Moderation");

    private static readonly Counter<long> Verdicts = ModerationMeter.CreateCounter<long>("arena.moderation.verdicts", "{message}");

    private static readonly Counter<long> Strikes = ModerationMeter.CreateCounter<long>("arena.moderation.strikes", "{strike}");

    private const string RewriteModel = "gpt-4o-mini-2024-07-18";

    public async Task<(ModerationVerdict Verdict, string Text)> ModerateAsync(LobbyChatMessage message, string region, CancellationToken cancellationToken)
    {
        using var span = Source.StartAssistantCompletion(RewriteModel);
        span.SetAssistantFeature("lobby-moderation");
        span.SetAssistantSubjectId(Pseudonym.FromComputed(message.PlayerId.ToString("N"))); // leak TC1001 precision-pseudonym

        var analysis = (await contentSafety.AnalyzeTextAsync(new AnalyzeTextOptions(message.Text) { BlocklistNames = { "arena-slurs", "arena-scams" }, HaltOnBlocklistHit = true }, cancellationToken)).Value;
        var severe = analysis.CategoriesAnalysis.Where(c => c.Severity >= 4).ToList();

        if (analysis.BlocklistsMatch.Count > 0)
        {
            var match = analysis.BlocklistsMatch[0];
            span.AddAssistantSafetyFlaggedEvent("blocked", assistantNote: $"{match.BlocklistName}:{match.BlocklistItemText}"); // clean precision-about
            logger.LogWarning("Blocked lobby message from {Gamertag}: {Text}", message.Gamertag, message.Text); // leak TC1001 direct
            Verdicts.Add(1, new KeyValuePair<string, object?>("verdict", "blocked"), new KeyValuePair<string, object?>("region", region)); // clean precision-about
            Strikes.Add(1, new KeyValuePair<string, object?>("player.id", message.PlayerId)); // leak TC1003 direct
            return (ModerationVerdict.Blocked, string.Empty);
        }

        if (severe.Count > 0)
        {
            span.AddAssistantSafetyFlaggedEvent("rewrite", assistantNote: string.Join(",", severe.Select(c => $"{c.Category}:{c.Severity}"))); // clean precision-about
            span.AddAssistantSafetyFlaggedEvent("rewrite", assistantNote: message.Text); // leak TC1001 generated-api

            var rewritten = await rewriter.GetResponseAsync(
                [new ChatMessage(ChatRole.System, "Rewrite the game chat message so it keeps its meaning without insults. Reply with the message only."), new ChatMessage(ChatRole.User, message.Text)],
                new ChatOptions { ModelId = RewriteModel, Temperature = 0 },
                cancellationToken);
            span.SetAssistantTokensInput(rewritten.Usage?.InputTokenCount ?? 0).SetAssistantTokensOutput(rewritten.Usage?.OutputTokenCount ?? 0);
            logger.LogInformation("Rewrote message {MessageId} in lobby {LobbyId} ({Before} -> {After} characters)", message.MessageId, message.LobbyId, message.Text.Length, rewritten.Text.Length); // clean precision-about
            return (ModerationVerdict.Rewritten, rewritten.Text);
        }

        var sampleBucket = Math.Abs(message.PlayerId.ToString().GetHashCode()) % 100;
        if (sampleBucket < 5)
        {
            Activity.Current?.SetTag("arena.moderation.sample_bucket", sampleBucket); // leak TC1002 hashes
            logger.LogDebug("Sampled allowed message from {PlayerRef}", pseudonymizer.ComputeAssistantSubjectId(message.PlayerId.ToString())); // clean precision-pseudonym
        }

        Verdicts.Add(1, new KeyValuePair<string, object?>("verdict", "allowed"), new KeyValuePair<string, object?>("region", region));
        return (ModerationVerdict.Allowed, message.Text);
    }
}
