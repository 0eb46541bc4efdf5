using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyCorpus.Telemetry;
using TelemetryConventions;

namespace PrivacyCorpus.Gaming;

public sealed record ChatMessage(string MatchId, string SenderPlayerId, string SenderGamertag, string Text, string Channel);

public sealed class ToxicMessageException(ChatMessage message)
    : Exception($"Message from {message.SenderGamertag} in {message.Channel} blocked");

/// <summary>Screens in-match chat; muted players are reported on the match span.</summary>
public sealed class ChatModerationWorker(IQueueReceiver<ChatMessage> chat, Pseudonymizer pseudonymizer, ILogger<ChatModerationWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Arena.Chat");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var message = await chat.ReceiveAsync(stoppingToken);
            if (message is not null)
            {
                Screen(message);
            }
        }
    }

    private void Screen(ChatMessage message)
    {
        var sender = pseudonymizer.Pseudonymize(ArenaAttributes.PlayerId, message.SenderPlayerId);
        using var span = Source.StartArenaMatch(sender, spanName: $"chat {message.SenderGamertag}"); // leak TC1001 generated-api
        span.SetArenaMatchNote(message.Channel); // clean generated-api
        span.SetArenaMatchResult(ArenaMatchResultValue.Custom(message.SenderPlayerId)); // leak TC1001 generated-api
        using var scope = logger.BeginScope(("PlayerId", message.SenderPlayerId)); // leak TC1001 logging-objects
        using var matchScope = logger.BeginScope("Match {MatchId}", message.MatchId); // clean logging-objects

        try
        {
            if (message.Text.Contains("**", StringComparison.Ordinal))
            {
                throw new ToxicMessageException(message);
            }
        }
        catch (ToxicMessageException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            span.AddArenaMatchFlaggedEvent(ex.Message); // leak TC1001 exceptions
            span.SetStatus(ActivityStatusCode.Error, $"muted {message.SenderPlayerId}"); // leak TC1001 generated-api
            span.SetStatus(ActivityStatusCode.Error, "muted"); // clean generated-api
            logger.LogInformation("Muted sender, message length {Length}", message.Text.Length); // clean precision-about
        }
    }
}
