using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout51.Support.NServiceBus;
using PrivacyHoldout51.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout51.Gaming;

public enum BanReason
{
    Cheating,
    Harassment,
    ChargebackFraud,
    AccountSharing,
}

/// <summary>Sent by the moderation console; <c>Comment</c> is what the moderator typed.</summary>
public sealed record PlayerBanned(Guid BanId, Guid PlayerId, string Gamertag, BanReason Reason, string ModeratorStaffId, string Comment, DateTimeOffset Until);

public sealed record BanAppealLodged(Guid BanId, Guid AppealId, string AppealText);

/// <summary>Ends a banned player's sessions and tells the matchmaker.</summary>
public sealed class PlayerBannedHandler(Pseudonymizer pseudonymizer, ILogger<PlayerBannedHandler> logger) : IHandleMessages<PlayerBanned>
{
    private static readonly ActivitySource Source = new("Arena.Moderation");

    public async Task Handle(PlayerBanned message, IMessageHandlerContext context)
    {
        using var span = Source.StartBusHandle(nameof(PlayerBanned), "moderation");
        span.SetBusCorrelationId(context.MessageHeaders[Headers.ConversationId]); // clean precision-names
        span.SetBusSubjectId(pseudonymizer.PseudonymizeBusSubjectId(message.PlayerId.ToString())); // clean precision-pseudonym
        span.SetBusOutcome($"banned:{message.Reason}"); // clean generated-api
        span.SetBusNote($"{message.Gamertag} banned until {message.Until:yyyy-MM-dd}"); // leak TC1001 generated-api
        span.Activity?.SetTag("ban.reason", message.Reason.ToString()); // clean precision-about
        span.Activity?.SetTag("ban.moderator", message.ModeratorStaffId); // leak TC1001 direct
        span.Activity?.SetTag("ban.comment_length", message.Comment.Length); // clean precision-about
        span.Activity?.SetTag("messaging.reply_to", context.ReplyToAddress); // clean precision-names

        logger.LogInformation("Ban {BanId} for {Reason} applied to {Gamertag}", message.BanId, message.Reason, message.Gamertag); // leak TC1001 direct
        logger.LogInformation("Moderator note on ban {BanId}: {Comment}", message.BanId, message.Comment); // leak TC1001 direct
        await context.Publish(new { message.BanId, message.PlayerId, message.Until });
    }
}

public sealed class BanAppealLodgedHandler(ILogger<BanAppealLodgedHandler> logger) : IHandleMessages<BanAppealLodged>
{
    public Task Handle(BanAppealLodged message, IMessageHandlerContext context)
    {
        using (logger.BeginScope("Appeal {AppealId} against ban {BanId}", message.AppealId, message.BanId)) // clean logging-objects
        {
            logger.LogInformation("Appeal lodged, {Length} characters, message {MessageId}", message.AppealText.Length, context.MessageId); // clean precision-about
            logger.LogDebug("Appeal received {@Appeal}", message); // leak TC1001 logging-objects
        }

        return Task.CompletedTask;
    }
}
