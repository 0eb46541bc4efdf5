namespace PrivacyHoldout206.Support;

// The research platform's records, systems of record and exceptions. None of these is telemetry.

/// <summary>A trial participant as the site holds them: the study number is the key-coded id.</summary>
public sealed record Participant(
    string StudyNumber,
    string NhsNumber,
    string FullName,
    string Email,
    string Mobile,
    DateOnly DateOfBirth,
    string SiteCode);

/// <summary>A signed consent form; prints the participant's study number and who took consent.</summary>
public sealed record ConsentForm(
    string ConsentId,
    string StudyNumber,
    string FormVersion,
    bool OptionalSamplesAgreed,
    DateTimeOffset SignedAt,
    string TakenByStaffId);

/// <summary>What the dashboard shows of a consent: no person.</summary>
public sealed record ConsentSummary(string ConsentId, string FormVersion, bool OptionalSamplesAgreed, string SiteCode);

/// <summary>A request to link a participant to a national dataset (NHS number in clear, for the linkage provider).</summary>
public sealed record LinkageRequest(string RequestId, string StudyNumber, string NhsNumber, string Dataset);

/// <summary>The linkage provider's answer: a keyed linkage key and how well it matched.</summary>
public sealed record LinkageResult(string RequestId, string LinkageKey, string MatchQuality, int FieldsMatched);

/// <summary>One participant's answers to a questionnaire.</summary>
public sealed record QuestionnaireResponse(
    string ResponseId,
    string StudyNumber,
    string QuestionnaireCode,
    int AnswerCount,
    string FreeTextAnswer);

/// <summary>Counts for a questionnaire wave: no person.</summary>
public sealed record QuestionnaireStats(string QuestionnaireCode, string Wave, int Responses, int Skipped);

/// <summary>A sample received at the biobank, labelled with the participant's study number.</summary>
public sealed record SampleReceipt(string SampleId, string StudyNumber, string Matrix, string FreezerPosition, DateTimeOffset ReceivedAt);

/// <summary>An aliquot plan: the biobank's random barcode and positions, no person.</summary>
public sealed record SampleAliquot(string SampleId, string Matrix, int Aliquots, string FreezerPosition);

/// <summary>A researcher's request for access to a study's data.</summary>
public sealed record DataAccessRequest(
    string RequestId,
    string StudyCode,
    string ApplicantName,
    string ApplicantEmail,
    string Institution,
    string Purpose);

/// <summary>The access committee's decision: no person.</summary>
public sealed record AccessDecision(string RequestId, string StudyCode, string Decision, int DatasetCount);

/// <summary>A researcher's account on the secure research environment.</summary>
public sealed record ResearcherAccount(string AccountId, string Username, string Email, string OrcidId, string Institution);

/// <summary>A researcher's profile, a class without ToString.</summary>
public sealed class ResearcherProfile
{
    public required string AccountId { get; init; }

    public required string DisplayName { get; init; }

    public required string Institution { get; init; }

    public int ApprovedProjects { get; init; }
}

/// <summary>The participant registry at the site (holds the key between study number and patient).</summary>
public interface IParticipantRegistry
{
    Task<Participant?> FindAsync(string studyNumber, CancellationToken cancellationToken);

    Task<Participant> EnrolAsync(Participant participant, CancellationToken cancellationToken);

    Task WithdrawAsync(string studyNumber, string reason, CancellationToken cancellationToken);
}

/// <summary>The consent store.</summary>
public interface IConsentStore
{
    Task<ConsentForm?> LatestAsync(string studyNumber, CancellationToken cancellationToken);

    Task SaveAsync(ConsentForm form, CancellationToken cancellationToken);
}

/// <summary>The biobank's laboratory information system.</summary>
public interface IBiobankLims
{
    Task<SampleAliquot> AccessionAsync(SampleReceipt receipt, CancellationToken cancellationToken);

    Task DestroyAsync(string sampleId, CancellationToken cancellationToken);
}

/// <summary>The linkage provider (a national data service): receives identifiers in clear, over its own channel.</summary>
public interface ILinkageProvider
{
    Task<LinkageResult> LinkAsync(LinkageRequest request, CancellationToken cancellationToken);
}

/// <summary>The questionnaire platform.</summary>
public interface IQuestionnairePlatform
{
    Task<QuestionnaireResponse?> FetchAsync(string responseId, CancellationToken cancellationToken);

    Task<QuestionnaireStats> StatsAsync(string questionnaireCode, string wave, CancellationToken cancellationToken);
}

/// <summary>The data access committee's case system.</summary>
public interface IAccessCommittee
{
    Task<AccessDecision> ReviewAsync(DataAccessRequest request, CancellationToken cancellationToken);
}

/// <summary>The directory of researchers' accounts.</summary>
public interface IResearcherDirectory
{
    Task<ResearcherAccount?> FindAsync(string accountId, CancellationToken cancellationToken);

    Task DisableAsync(string accountId, CancellationToken cancellationToken);
}

/// <summary>Sends emails and texts to participants and researchers.</summary>
public interface IStudyMailer
{
    Task SendAsync(string address, string template, CancellationToken cancellationToken);
}

public sealed class ParticipantNotFoundException(string studyNumber)
    : Exception($"No participant with study number {studyNumber}")
{
    public string StudyNumber { get; } = studyNumber;
}

public sealed class ConsentWithdrawnException(string studyNumber, DateOnly withdrawnOn)
    : Exception($"Participant {studyNumber} withdrew consent on {withdrawnOn:yyyy-MM-dd}")
{
    public DateOnly WithdrawnOn { get; } = withdrawnOn;
}

public sealed class LinkageConflictException(string nhsNumber, string dataset)
    : Exception($"NHS number {nhsNumber} matched two records in {dataset}")
{
    public string Dataset { get; } = dataset;
}

public sealed class ResearcherSuspendedException(string email)
    : Exception($"Researcher account {email} is suspended")
{
}

public sealed class SampleMismatchException(string sampleId, string labelStudyNumber)
    : Exception($"Sample {sampleId} is labelled for participant {labelStudyNumber}, not the one on the manifest")
{
    public string SampleId { get; } = sampleId;
}

public sealed class StudyClosedException(string studyCode, DateOnly closedOn)
    : Exception($"Study {studyCode} closed to recruitment on {closedOn:yyyy-MM-dd}")
{
    public string StudyCode { get; } = studyCode;
}

public sealed class FreezerUnavailableException(string freezerId, double hoursOut)
    : Exception($"Freezer {freezerId} out of range for {hoursOut:F1} h")
{
    public string FreezerId { get; } = freezerId;
}

public sealed class FormVersionOutdatedException(string signedVersion, string currentVersion)
    : Exception($"Consent form version {signedVersion} is older than {currentVersion}")
{
    public string CurrentVersion { get; } = currentVersion;
}

public sealed class LinkageProviderUnavailableException(string dataset, int statusCode)
    : Exception($"Linkage provider for {dataset} answered {statusCode}")
{
    public int StatusCode { get; } = statusCode;
}
