namespace HireKit;

// An applicant tracking system's client, in the shape of Greenhouse's Harvest API and Workday
// Recruiting: candidates, their applications to jobs, stages, rejections, notes and scorecards.

/// <summary>A candidate as the ATS holds them. A class: it does not override ToString.</summary>
public sealed class Candidate
{
    public long Id { get; init; }

    public string FirstName { get; init; } = string.Empty;

    public string LastName { get; init; } = string.Empty;

    public List<string> EmailAddresses { get; } = new();

    public List<string> PhoneNumbers { get; } = new();

    public List<string> Tags { get; } = new();

    public bool CanEmail { get; init; } = true;

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A candidate's application to one job.</summary>
public sealed record Application(long Id, long CandidateId, long JobId, string Status, string CurrentStage, string Source, DateTimeOffset AppliedAt);

/// <summary>A job (requisition) with its public posting.</summary>
public sealed record Job(long Id, string RequisitionId, string Title, string Department, string Location, string Grade);

/// <summary>A stage of a job's hiring plan.</summary>
public sealed record JobStage(long Id, string Name, int Position);

/// <summary>A reason for rejecting an application, from the ATS's configured list.</summary>
public sealed record RejectionReason(long Id, string Name, string Type);

/// <summary>An interviewer's scorecard for one interview.</summary>
public sealed record Scorecard(
    long Id,
    long ApplicationId,
    long InterviewerId,
    string InterviewerName,
    string Interview,
    string OverallRecommendation,
    IReadOnlyDictionary<string, int> Ratings,
    string? KeyTakeaways);

/// <summary>A candidate's answers to the equal-opportunities questions, stored apart from the application.</summary>
public sealed record DemographicAnswers(long ApplicationId, string? Gender, string? Ethnicity, bool? Disability, string? AgeBand);

/// <summary>The body of an application posted from the careers site.</summary>
public sealed record ApplicationForm(
    long JobId,
    string FirstName,
    string LastName,
    string Email,
    string? Phone,
    string? CoverLetter,
    string? ReferralCode,
    string Source,
    bool RightToWorkConfirmed);

/// <summary>An error of the ATS API: its status and the API's own message.</summary>
public class AtsApiException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}

/// <summary>
/// 422 on create: the API's message names the field and quotes the value that clashed,
/// e.g. "Candidate with email address 'a@b.c' already exists".
/// </summary>
public sealed class DuplicateCandidateException(string email)
    : AtsApiException(422, $"Candidate with email address '{email}' already exists")
{
    public string Field { get; } = "email_addresses";
}

/// <summary>429: a fixed text.</summary>
public sealed class AtsRateLimitedException(TimeSpan retryAfter)
    : AtsApiException(429, "Rate limit exceeded for this API key")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>409 on a stage move: the application had already moved; names the application and the stages.</summary>
public sealed class StageConflictException(long applicationId, string expected, string actual)
    : AtsApiException(409, $"Application {applicationId} is in stage '{actual}', not '{expected}'")
{
    public long ApplicationId { get; } = applicationId;
}

public interface IAtsClient
{
    Task<Candidate?> GetCandidateAsync(long candidateId, CancellationToken cancellationToken);

    Task<Candidate> CreateCandidateAsync(ApplicationForm form, CancellationToken cancellationToken);

    Task<Application> CreateApplicationAsync(long candidateId, long jobId, string source, CancellationToken cancellationToken);

    Task<Application?> GetApplicationAsync(long applicationId, CancellationToken cancellationToken);

    Task<Job> GetJobAsync(long jobId, CancellationToken cancellationToken);

    Task<Application> MoveStageAsync(long applicationId, long fromStageId, long toStageId, CancellationToken cancellationToken);

    Task<Application> RejectAsync(long applicationId, RejectionReason reason, string? notes, CancellationToken cancellationToken);

    Task AddNoteAsync(long candidateId, string body, CancellationToken cancellationToken);

    Task<IReadOnlyList<Scorecard>> GetScorecardsAsync(long applicationId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Application>> ListApplicationsAsync(long jobId, string status, CancellationToken cancellationToken);
}

/// <summary>A webhook the ATS posts when an application changes stage.</summary>
public sealed record StageChangeWebhook(string Action, long ApplicationId, long CandidateId, string CandidateEmail, long JobId, string FromStage, string ToStage, DateTimeOffset At);
