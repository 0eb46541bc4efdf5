namespace Goodwork.Mentoring;

// A mentoring scheme's matching engine.

/// <summary>A mentor. Prints its members: id, display name, email and capacity.</summary>
public sealed record Mentor(string MentorId, string DisplayName, string Email, int Capacity);

/// <summary>A proposed pairing. Prints its members: match id, mentor's id, mentee's id, programme and score.</summary>
public sealed record MentoringMatch(string MatchId, string MentorId, string MenteeId, string Programme, double Score);

/// <summary>A matching run's summary. Prints its members: programme, cohort, matched and unmatched counts.</summary>
public sealed record MatchRunSummary(string Programme, string Cohort, int Matched, int Unmatched);

public interface IMatchingEngine
{
    Task<IReadOnlyList<MentoringMatch>> ProposeAsync(string programme, string cohort, CancellationToken cancellationToken = default);

    Task ConfirmAsync(string matchId, CancellationToken cancellationToken = default);
}

/// <summary>No mentor has capacity in the cohort; quotes the programme and cohort.</summary>
public sealed class NoMentorAvailableException(string programme, string cohort)
    : Exception($"No mentor with capacity in {programme}/{cohort}")
{
}

/// <summary>Safeguarding has put the mentee on hold; quotes the mentee's id.</summary>
public sealed class SafeguardingHoldException(string menteeId)
    : Exception($"Mentee {menteeId} is on a safeguarding hold")
{
}
