namespace FitSync.Community;

// Stand-ins for clubs, challenges, leaderboards and coaching plans. Records print their members.

/// <summary>A club. Prints its members.</summary>
public sealed record Club(long Id, string Name, string SportType, int MemberCount, bool Private);

/// <summary>A club member as the club roster shows them. Prints athlete id, first name, last initial and membership.</summary>
public sealed record ClubMember(long AthleteId, string FirstName, string LastInitial, string Membership);

/// <summary>A challenge. Prints its members.</summary>
public sealed record Challenge(string Id, string Title, string Metric, double Goal, DateOnly StartsOn, DateOnly EndsOn);

/// <summary>One participant's progress in a challenge. Prints challenge, participant, value and whether completed.</summary>
public sealed record ChallengeProgress(string ChallengeId, string ParticipantId, double Value, bool Completed);

/// <summary>A row of a leaderboard. Prints rank, participant id, display name and value.</summary>
public sealed record LeaderboardEntry(int Rank, string ParticipantId, string DisplayName, double Value);

/// <summary>A leaderboard page. Prints the challenge, the size and its entries as their list's type name.</summary>
public sealed record Leaderboard(string ChallengeId, int Size, IReadOnlyList<LeaderboardEntry> Entries);

/// <summary>A coaching plan template. Prints its members.</summary>
public sealed record TrainingPlan(string PlanId, string Name, int Weeks, string Level, string Goal);

/// <summary>A plan assigned to an athlete by a coach. Prints assignment, plan, athlete and coach.</summary>
public sealed record PlanAssignment(string AssignmentId, string PlanId, string AthleteId, string CoachId, DateOnly StartsOn);

/// <summary>One workout of a plan. Prints its members.</summary>
public sealed record PlannedWorkout(string WorkoutId, int Week, int Day, string Kind, int TargetMinutes, string? TargetZone);

public interface ILeaderboardStore
{
    Task<double> IncrementAsync(string challengeId, string participantId, double value, CancellationToken cancellationToken = default);

    Task<Leaderboard> TopAsync(string challengeId, int count, CancellationToken cancellationToken = default);

    Task<int?> RankOfAsync(string challengeId, string participantId, CancellationToken cancellationToken = default);
}

public interface IPlanStore
{
    Task<TrainingPlan?> FindAsync(string planId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PlannedWorkout>> WorkoutsAsync(string planId, int week, CancellationToken cancellationToken = default);

    Task SaveAssignmentAsync(PlanAssignment assignment, CancellationToken cancellationToken = default);
}

/// <summary>The challenge has ended; quotes the challenge and the day.</summary>
public sealed class ChallengeClosedException(string challengeId, DateOnly endedOn)
    : Exception($"Challenge {challengeId} ended on {endedOn:yyyy-MM-dd}")
{
    public string ChallengeId { get; } = challengeId;
}

/// <summary>The athlete is not in the club; quotes the athlete and the club.</summary>
public sealed class NotAClubMemberException(long clubId, long athleteId)
    : Exception($"Athlete {athleteId} is not a member of club {clubId}")
{
    public long ClubId { get; } = clubId;
}
