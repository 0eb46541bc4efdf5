using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout2.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout2.Gaming;

public sealed record ChatMessage(Guid MessageId, string SenderPlayerId, string SenderGamertag, string Channel, string Text);

public sealed record ModerationVerdict(Guid MessageId, bool Blocked, string Rule, string SenderPlayerId);

public sealed class ModerationRejectedException(ChatMessage message) : Exception($"Message {message.MessageId} from {message.SenderGamertag} blocked")
{
    public ChatMessage Chat { get; } = message;
}

public sealed class ChatModerationWorker(Channel<ChatMessage> inbox, ILogger<ChatModerationWorker> logger, Meter meter, Pseudonymizer pseudonymizer) : BackgroundService
{
    private static readonly ActivitySource Source = new("Arena.Chat");
    private readonly Counter<long> _verdicts = meter.CreateCounter<long>("arena.chat.verdicts");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in inbox.Reader.ReadAllAsync(stoppingToken))
        {
            using var activity = Source.StartActivity("chat.moderate");
            activity?.SetTag("arena.chat.channel", message.Channel); // clean precision-names
            activity?.SetTag("arena.chat.length", message.Text.Length); // clean precision-about

            try
            {
                var verdict = Moderate(message);
                _verdicts.Add(1, new KeyValuePair<string, object?>("rule", verdict.Rule), new KeyValuePair<string, object?>("blocked", verdict.Blocked)); // clean precision-about
                logger.LogInformation("Verdict {@Verdict}", verdict); // leak TC1001 logging-objects
                logger.LogInformation("Verdict {@Verdict}", verdict with { SenderPlayerId = pseudonymizer.PseudonymizeArenaPlayerId(verdict.SenderPlayerId).Value }); // clean precision-pseudonym
            }
            catch (ModerationRejectedException ex) when (LogRejection(ex)) // leak TC1001 exceptions
            {
            }
            catch (ModerationRejectedException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                throw;
            }
        }
    }

    private bool LogRejection(ModerationRejectedException ex)
    {
        logger.LogWarning(ex, "Chat message rejected in {Channel}", ex.Chat.Channel);
        return false;
    }

    private static ModerationVerdict Moderate(ChatMessage message)
    {
        if (message.Text.Contains("http", StringComparison.OrdinalIgnoreCase))
        {
            throw new ModerationRejectedException(message);
        }
        return new ModerationVerdict(message.MessageId, false, "none", message.SenderPlayerId);
    }

    public void ReportRepeatOffender(ChatMessage message, int strikes)
    {
        var offenderKey = HashCode.Combine(message.SenderPlayerId, message.Channel);
        Activity.Current?.AddEvent(new ActivityEvent("chat.repeat_offender", tags: new ActivityTagsCollection { ["offender"] = offenderKey, ["strikes"] = strikes })); // leak TC1002 hashes
        var sha = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(message.SenderGamertag)))[..12];
        logger.LogWarning("Repeat offender {Offender} with {Strikes} strikes", sha, strikes); // leak TC1002 hashes
        logger.LogWarning("Repeat offender {Offender} with {Strikes} strikes", pseudonymizer.Compute("player", message.SenderPlayerId), strikes); // clean precision-pseudonym
    }
}
