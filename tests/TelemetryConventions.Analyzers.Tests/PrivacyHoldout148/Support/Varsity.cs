namespace Sport.Varsity;

// A university's varsity teams.

/// <summary>A squad registration. Prints registration id, student number, full name, university email, sport, squad and medical clearance.</summary>
public sealed record VarsityRegistration(string RegistrationId, string StudentNumber, string FullName, string UniversityEmail, string Sport, string Squad, bool MedicalCleared);

/// <summary>A fixture's result. Prints fixture, sport, opponent and score.</summary>
public sealed record FixtureResult(string FixtureId, string Sport, string Opponent, int PointsFor, int PointsAgainst);

/// <summary>An eligibility check. Prints the student number, credits enrolled and standing.</summary>
public sealed record EligibilityCheck(string StudentNumber, int CreditsEnrolled, bool InGoodStanding);

public interface ILeagueBodyPortal
{
    Task SubmitTeamSheetAsync(string fixtureId, IReadOnlyList<string> studentNumbers, CancellationToken cancellationToken = default);
}

public interface IEnrolmentService
{
    Task<int> CreditsAsync(string studentNumber, CancellationToken cancellationToken = default);
}

/// <summary>The student is not enrolled; quotes the student number.</summary>
public sealed class NotEnrolledException(string studentNumber) : Exception($"Student {studentNumber} is not enrolled this term");

/// <summary>The fixture's team sheet is locked; quotes fixture and time.</summary>
public sealed class FixtureLockedException(string fixtureId, DateTimeOffset lockedAt) : Exception($"Fixture {fixtureId} locked at {lockedAt:u}");
