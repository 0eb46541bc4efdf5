using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout29.Support.Helpdesk;
using PrivacyHoldout29.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout29.Gaming;

/// <summary>What the in-game "Contact support" screen sends.</summary>
public sealed record InGameSupportRequest(Guid PlayerId, string Gamertag, string Email, string Topic, string Message, string Platform, string? ReportedGamertag, string? MatchId);

public sealed record SurveyDigest(int Offered, int Good, int Bad, IReadOnlyList<string> Reasons);

/// <summary>Creates helpdesk tickets from the game client and collects the satisfaction ratings players leave.</summary>
public sealed class SupportTicketBridge(IHelpdeskClient helpdesk, Pseudonymizer pseudonymizer, Meter meter, ILogger<SupportTicketBridge> logger)
{
    private static readonly ActivitySource Source = new("Game.Support");
    private readonly Counter<long> _tickets = meter.CreateCounter<long>("support.tickets.created");

    public async Task<long> OpenAsync(InGameSupportRequest request, CancellationToken cancellationToken)
    {
        using var span = Source.StartCrmSync("ticket");
        span.SetCrmSyncDirection("push");
        span.SetCrmContactId(pseudonymizer.PseudonymizeCrmContactId(request.PlayerId.ToString())); // clean precision-pseudonym

        var requester = await helpdesk.FindUserByEmailAsync(request.Email, cancellationToken);
        var ticket = await helpdesk.CreateTicketAsync(new Ticket
        {
            RequesterId = requester?.Id ?? 0,
            Subject = $"[{request.Topic}] {request.Gamertag}",
            Description = request.Message,
            Channel = "in-game",
            Tags = [request.Platform, request.Topic],
        }, cancellationToken);

        span.SetCrmOutcome(requester is null ? "new-requester" : "known-requester");
        Activity.Current?.SetTag("support.ticket.subject", ticket.Subject); // leak TC1001 cross-member
        Activity.Current?.SetTag("support.topic", request.Topic); // clean precision-names
        _tickets.Add(1, new("topic", request.Topic), new("platform", request.Platform)); // clean precision-about
        logger.LogInformation("Support ticket {TicketId} opened from {Platform}, message of {Length} chars", ticket.Id, request.Platform, request.Message.Length); // clean precision-about

        if (request.ReportedGamertag is { } reported)
        {
            Activity.Current?.AddEvent(new ActivityEvent("support.player_report", tags: new ActivityTagsCollection { ["reported"] = reported, ["match"] = request.MatchId })); // leak TC1001 direct
        }

        using (logger.BeginScope(new Dictionary<string, object?> { ["TicketId"] = ticket.Id, ["PlayerId"] = request.PlayerId })) // leak TC1001 logging-objects
        {
            logger.LogInformation("Ticket routed to the {Topic} queue", request.Topic);
        }

        return ticket.Id;
    }

    public async Task CollectRatingsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var ratings = await helpdesk.RatingsSinceAsync(since, cancellationToken);
        var digest = new SurveyDigest(
            ratings.Count,
            ratings.Count(r => r.Score == "good"),
            ratings.Count(r => r.Score == "bad"),
            ratings.Where(r => r.Reason is not null).Select(r => r.Reason!).Distinct().ToList());
        logger.LogInformation("Satisfaction since {Since}: {@Digest}", since, digest); // clean logging-objects

        foreach (var rating in ratings.Where(r => r.Score == "bad"))
        {
            logger.LogWarning("Bad rating on ticket {TicketId}: {Comment}", rating.TicketId, rating.Comment); // leak TC1001 direct
            logger.LogWarning("Bad rating on ticket {TicketId} for agent {AgentId}", rating.TicketId, rating.AssigneeId); // leak TC1001 direct
            Activity.Current?.SetTag("csat.comment.length", rating.Comment?.Length ?? 0); // clean precision-about
        }
    }
}
