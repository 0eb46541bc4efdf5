using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MediatR;
using Microsoft.Extensions.Logging;
using PrivacyHoldout23.Support.SharedKernel;
using PrivacyHoldout23.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout23.Gaming;

internal sealed class MatchCompletedHandler : INotificationHandler<MatchCompleted>
{
    private readonly Pseudonymizer _pseudonymizer;
    private readonly ILogger<MatchCompletedHandler> _logger;
    private readonly Counter<long> _matches;
    private readonly Counter<long> _wins;

    public MatchCompletedHandler(Pseudonymizer pseudonymizer, Meter meter, ILogger<MatchCompletedHandler> logger)
    {
        _pseudonymizer = pseudonymizer;
        _logger = logger;
        _matches = meter.CreateCounter<long>("gaming.matches.completed");
        _wins = meter.CreateCounter<long>("gaming.match.wins");
    }

    public Task Handle(MatchCompleted notification, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        _logger.LogInformation("Match {MatchId} ({Mode}) completed with {ParticipantCount} players", notification.MatchId.Value, notification.Mode, notification.Participants.Count); // clean precision-about
        activity?.SetTag("match.winner", (Guid)notification.Winner); // leak TC1001 cross-member
        activity?.SetTag("match.participants", string.Join(",", notification.Participants)); // leak TC1001 strings
        activity?.SetTag("match.participant_refs", string.Join(",", notification.Participants.Select(p => _pseudonymizer.ComputeCommandSubjectId(p.Value.ToString())))); // clean precision-pseudonym

        _matches.Add(1, new KeyValuePair<string, object?>("mode", notification.Mode)); // clean precision-names
        _wins.Add(1, new KeyValuePair<string, object?>("mode", notification.Mode), new KeyValuePair<string, object?>("winner", notification.Winner.Value)); // leak TC1003 cross-member
        return Task.CompletedTask;
    }
}

internal sealed class PlayerRenamedHandler(ILogger<PlayerRenamedHandler> logger) : INotificationHandler<PlayerRenamed>
{
    public Task Handle(PlayerRenamed notification, CancellationToken cancellationToken)
    {
        logger.LogInformation("Player renamed from {OldGamertag} to {NewGamertag}", notification.OldTag, notification.NewTag); // leak TC1001 direct
        Activity.Current?.SetTag("gamertag.length", notification.NewTag.Value.Length); // clean precision-about
        return Task.CompletedTask;
    }
}

public sealed record ReportPlayerCommand(Guid ReporterId, Guid ReportedPlayerId, string Category) : IRequest<Result<ReportId>>;

internal sealed class ReportPlayerCommandHandler(ActivitySource source, ILogger<ReportPlayerCommandHandler> logger) : IRequestHandler<ReportPlayerCommand, Result<ReportId>>
{
    public Task<Result<ReportId>> Handle(ReportPlayerCommand request, CancellationToken cancellationToken)
    {
        using var span = source.StartCommandHandle(nameof(ReportPlayerCommand)); // clean precision-names
        var reportId = new ReportId(Guid.NewGuid());
        logger.LogInformation("Report {ReportId} filed in {Category}", reportId.Value, request.Category); // clean direct
        logger.LogInformation("Report {ReportId} names player {ReportedPlayerId}", reportId.Value, request.ReportedPlayerId); // leak TC1001 direct
        return Task.FromResult<Result<ReportId>>(reportId);
    }
}
