namespace PrivacyHoldout38.Education;

public sealed record Guardian(string Name, string Email, string? Mobile);

public sealed record Learner
{
    public required string StudentNumber { get; init => field = value.Trim().ToUpperInvariant(); }

    public required string DisplayName { get; init; }

    public required Guardian Guardian { get; init; }

    public string YearGroup { get; init; } = "Y7";

    public IReadOnlyList<string> ExtraContacts { get; init; } = [];

    /// <summary>The first two characters of a student number name the campus.</summary>
    public string CampusCode => field ??= StudentNumber[..2];
}

public sealed record GradeEntry(string StudentNumber, string CourseCode, decimal Mark);

public interface ILearnerDirectory
{
    ValueTask<Learner?> FindAsync(string studentNumber, CancellationToken cancellationToken);

    IAsyncEnumerable<Learner> InClassAsync(string classCode, CancellationToken cancellationToken);
}

public sealed class StudentAlreadyEnrolledException(string studentNumber, string courseCode)
    : Exception($"{studentNumber} is already enrolled on {courseCode}");

public sealed class EnrolmentClosedException(string courseCode)
    : Exception($"Enrolment on {courseCode} has closed");
