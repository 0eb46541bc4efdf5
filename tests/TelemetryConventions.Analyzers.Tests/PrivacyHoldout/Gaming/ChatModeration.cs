using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout.Gaming;

public sealed record ChatMessage(string MessageId, string LobbyId, string SenderAccountId, string SenderGamertag, string? MentionedGamertag, string Text, DateTimeOffset SentAt);

public sealed record ModerationVerdict(bool Blocked, string Category, double Score);

public interface IToxicityClassifier
{
    Task<ModerationVerdict> ClassifyAsync(string text, CancellationToken cancellationToken);
}

/// <summary>Screens lobby chat before it is fanned out to the other players.</summary>
public sealed class ChatModerationWorker(IQueueReceiver<ChatMessage> chat, IToxicityClassifier classifier, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, Meter meter, ILogger<ChatModerationWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Match.Chat");
    private readonly Counter<long> _blocked = meter.CreateCounter<long>("match.chat.blocked");
    private readonly Histogram<double> _scores = meter.CreateHistogram<double>("match.chat.toxicity");
    private readonly Dictionary<string, int> _strikesByAccount = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await chat.ReceiveAsync(stoppingToken) is { } message)
        {
            using var activity = Source.StartActivity("match.chat.screen");
            activity?.SetTag("match.lobby.id", message.LobbyId); // clean precision-names
            activity?.SetTag("match.chat.message_id", message.MessageId); // clean precision-names
            activity?.SetTag("match.chat.length", message.Text.Length);
            activity?.SetTag("match.chat.has_mention", message.MentionedGamertag is not null); // clean precision-about
            activity?.SetTag("match.chat.mention", message.MentionedGamertag); // leak TC1001 direct
            activity?.SetTag("match.chat.sender", pseudonymizer.ComputeMatchPlayerId(message.SenderAccountId)); // clean precision-pseudonym

            var verdict = await classifier.ClassifyAsync(message.Text, stoppingToken);
            _scores.Record(verdict.Score, new KeyValuePair<string, object?>("match.chat.category", verdict.Category));
            if (!verdict.Blocked)
            {
                continue;
            }

            var strikes = _strikesByAccount.TryGetValue(message.SenderAccountId, out var previous) ? previous + 1 : 1;
            _strikesByAccount[message.SenderAccountId] = strikes;
            activity?.SetTag("match.chat.sender_strikes", strikes); // clean precision-about
            _blocked.Add(1, new KeyValuePair<string, object?>("match.chat.category", verdict.Category));
            _blocked.Add(1, new KeyValuePair<string, object?>("match.chat.sender", message.SenderGamertag)); // leak TC1003 direct

            var redacted = Regex.Replace(message.Text, @"\w", "*");
            logger.LogInformation("Blocked {Category} message ({Redacted}) in lobby {LobbyId}", verdict.Category, redacted, message.LobbyId); // clean precision-about
            logger.LogInformation("Blocked message from {Sender}: {Text}", message.SenderGamertag, message.Text); // leak TC1001 direct
            logger.LogMatchPlayerReportedEvent(pseudonymizer.PseudonymizeMatchPlayerId(message.SenderAccountId), matchReportReason: "auto:" + verdict.Category); // clean generated-api

            var senderKey = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(message.SenderAccountId)));
            activity?.SetTag("match.chat.sender_key", senderKey); // clean hashes
            var legacyKey = new Guid(MD5.HashData(Encoding.UTF8.GetBytes(message.SenderAccountId)));
            activity?.SetTag("match.chat.sender_legacy", legacyKey.ToString()); // leak TC1002 hashes

            if (strikes >= 3)
            {
                var text = $"Player {message.SenderGamertag} muted after {strikes} strikes";
                activity?.AddEvent(new ActivityEvent(text)); // leak TC1001 strings
                logger.LogWarning("Player muted after {Strikes} strikes", strikes);
            }
        }
    }
}
