namespace Lingua.Learners;

/// <summary>A learner. Prints the learner id, full name, email, mobile, first language, target language and CEFR level.</summary>
public sealed record Learner(string LearnerId, string FullName, string Email, string? Mobile, string FirstLanguage, string TargetLanguage, string Level);

/// <summary>A placement test as submitted: learner id, test id, language, the learner's written answer and the raw score.</summary>
public sealed record PlacementSubmission(string LearnerId, string TestId, string Language, string WrittenAnswer, int RawScore);

/// <summary>A placement result; names no one: test id, language, score and CEFR level.</summary>
public sealed record PlacementResult(string TestId, string Language, int Score, string Level);

/// <summary>A transcript of record: the learner id, the learner's name and the course grades (a list, printed as its type's name).</summary>
public sealed record Transcript(string LearnerId, string LearnerName, IReadOnlyList<CourseGrade> Grades);

/// <summary>A course grade without the learner: course code, term, grade.</summary>
public sealed record CourseGrade(string CourseCode, string Term, string Grade);

/// <summary>A learner's profile as the portal holds it (a class, no ToString).</summary>
public sealed class LearnerProfile
{
    public required string LearnerId { get; init; }

    public required string DisplayName { get; init; }

    public required string Email { get; init; }

    public string Level { get; init; } = "A1";

    public string EmailDomain => Email[(Email.IndexOf('@') + 1)..];
}

public interface ILearnerStore
{
    Task<Learner?> FindAsync(string learnerId, CancellationToken cancellationToken = default);

    Task<Transcript?> TranscriptAsync(string learnerId, CancellationToken cancellationToken = default);

    Task SaveAsync(PlacementResult result, string learnerId, CancellationToken cancellationToken = default);
}

/// <summary>No such learner; the message quotes the learner id.</summary>
public sealed class LearnerNotFoundException(string learnerId) : Exception($"Learner {learnerId} is not enrolled");

/// <summary>A learner already sat this test; the message quotes the learner's email.</summary>
public sealed class AlreadyPlacedException(string email) : Exception($"{email} has already taken the placement test");

/// <summary>The scoring engine is down; a fixed text.</summary>
public sealed class ScoringUnavailableException() : Exception("The placement scoring engine is unavailable");

/// <summary>A course is full; quotes the course code and its seats.</summary>
public sealed class CourseFullException(string courseCode, int seats) : Exception($"Course {courseCode} already has {seats} learners");
