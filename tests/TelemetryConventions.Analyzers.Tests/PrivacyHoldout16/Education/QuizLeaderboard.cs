using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout16.Support.Search;
using PrivacyHoldout16.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout16.Education;

public interface IClassRoster
{
    Task<bool> IsEnrolledAsync(string classId, string studentNumber, CancellationToken cancellationToken);
}

public sealed class NotEnrolledException(string classId, string studentNumber)
    : InvalidOperationException($"Student {studentNumber} is not enrolled in class {classId}")
{
    public string ClassId { get; } = classId;
}

/// <summary>A weekly quiz leaderboard per class, kept in a sorted set keyed by student number.</summary>
public sealed class QuizLeaderboard(ISortedSetStore store, IClassRoster roster, ILogger<QuizLeaderboard> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Campus.Leaderboards");

    private static string WeeklyKey(string classId) => $"quiz:{classId}:weekly";

    public async Task<long?> RecordAsync(string classId, string studentNumber, string displayName, int points, CancellationToken cancellationToken)
    {
        var key = WeeklyKey(classId);
        using var activity = Source.StartActivity("leaderboard.record");
        activity?.SetTag("leaderboard.key", key); // clean strings

        try
        {
            await EnsureEnrolledAsync(classId, studentNumber, cancellationToken);
        }
        catch (NotEnrolledException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, nameof(NotEnrolledException)); // clean exceptions
            return null;
        }

        var total = await store.IncrementAsync(key, studentNumber, points, cancellationToken);
        var rank = await store.RankAsync(key, studentNumber, cancellationToken);
        activity?.SetTag("leaderboard.rank", rank + 1); // clean precision-about
        activity?.SetTag("leaderboard.points", total);
        activity?.SetTag("leaderboard.member", studentNumber); // leak TC1001 direct

        if (rank == 0)
        {
            logger.LogInformation("{DisplayName} is now top of {ClassId} with {Points} points", displayName, classId, total); // leak TC1001 direct
        }

        return rank;
    }

    private async Task EnsureEnrolledAsync(string classId, string studentNumber, CancellationToken cancellationToken)
    {
        if (!await roster.IsEnrolledAsync(classId, studentNumber, cancellationToken))
        {
            throw new NotEnrolledException(classId, studentNumber);
        }
    }

    public async Task AnnouncePodiumAsync(string classId, CancellationToken cancellationToken)
    {
        var key = WeeklyKey(classId);
        var podium = await store.RangeByRankAsync(key, 0, 2, cancellationToken);
        var entries = await store.LengthAsync(key, cancellationToken);

        logger.LogInformation("Weekly podium for {ClassId}: {Podium}", classId, podium.Select(p => p.Member)); // leak TC1001 cross-member
        logger.LogInformation("Weekly podium for {ClassId}: top score {TopScore} of {Entries} entries", classId, podium.Count == 0 ? 0 : podium.Max(p => p.Score), entries); // clean precision-about
        logger.LogDebug("Podium references {References}", podium.Select(p => pseudonymizer.ComputeAnalyticsUserId(p.Member)).ToList()); // clean precision-pseudonym
    }
}
