namespace PrivacyOps
{
    public enum RequestKind
    {
        Access,
        Erasure,
        Rectification,
        Portability,
    }

    public enum RequestStatus
    {
        Received,
        Verifying,
        InProgress,
        Fulfilled,
        Refused,
    }

    /// <summary>A data subject's request. A class without <c>ToString</c>.</summary>
    public sealed class SubjectRequest
    {
        public Guid RequestId { get; init; } = Guid.NewGuid();

        public RequestKind Kind { get; init; }

        public required string SubjectKey { get; init; }

        public required string ContactEmail { get; init; }

        public DateTimeOffset ReceivedAt { get; init; }

        public DateTimeOffset DueBy { get; init; }

        public RequestStatus Status { get; set; }

        public string? Channel { get; init; }
    }

    /// <summary>An erasure job for one subject, printed with its members.</summary>
    public sealed record ErasureJob(Guid JobId, Guid RequestId, string SubjectKey, IReadOnlyList<string> Systems, DateTimeOffset RequestedAt);

    /// <summary>What one downstream system did with an erasure.</summary>
    public sealed record ErasureStepResult(string System, int RowsAffected, bool Skipped, string? Reason);

    /// <summary>A package of a subject's data, ready for download.</summary>
    public sealed record SubjectDataPackage(Guid RequestId, int Files, long Bytes, string PackageId, DateTimeOffset ExpiresAt);

    /// <summary>The subject could not be found in a system; quotes the key searched for.</summary>
    public sealed class SubjectNotFoundException(string system, string subjectKey)
        : Exception($"No records for subject '{subjectKey}' in {system}")
    {
        public string System { get; } = system;
    }

    /// <summary>Identity verification of a request failed; names the request and the check.</summary>
    public sealed class IdentityVerificationException(Guid requestId, string check)
        : Exception($"Request {requestId} failed identity check '{check}'")
    {
        public string Check { get; } = check;
    }

    /// <summary>A downstream system did not answer an erasure; names the system and the job.</summary>
    public sealed class ErasureTimeoutException(string system, Guid jobId, TimeSpan waited)
        : Exception($"{system} did not confirm erasure job {jobId} within {waited}")
    {
        public string System { get; } = system;
    }

    public interface ISubjectDataCollector
    {
        Task<SubjectDataPackage> CollectAsync(SubjectRequest request, CancellationToken cancellationToken = default);
    }

    public interface IErasureTarget
    {
        string Name { get; }

        Task<ErasureStepResult> EraseAsync(string subjectKey, CancellationToken cancellationToken = default);
    }

    /// <summary>Sends the requester their package link or an update. Not telemetry.</summary>
    public interface IRequesterMailer
    {
        Task SendAsync(string toEmail, string template, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken = default);
    }
}

namespace PrivacyOps.Retention
{
    /// <summary>A retention rule: a category of records and how long they are kept.</summary>
    public sealed record RetentionPolicy(string PolicyId, string RecordCategory, TimeSpan Period, string LegalBasis);

    /// <summary>A legal hold on a matter, printed with its members.</summary>
    public sealed record LegalHold(string HoldId, string Matter, string PlacedBy, DateTimeOffset PlacedAt, DateTimeOffset? ReleasedAt);

    public sealed record RetentionSweepResult(string PolicyId, int Scanned, int Purged, int HeldBack, TimeSpan Elapsed);

    /// <summary>A record could not be purged because a hold covers it; quotes the record's subject.</summary>
    public sealed class LegalHoldActiveException(string subjectKey, string holdId)
        : Exception($"Records of '{subjectKey}' are under legal hold {holdId}")
    {
        public string HoldId { get; } = holdId;
    }

    public interface ILegalHoldRegistry
    {
        Task<IReadOnlyList<LegalHold>> HoldsForAsync(string subjectKey, CancellationToken cancellationToken = default);
    }
}

namespace PrivacyOps.Consent
{
    /// <summary>A consent given or withdrawn, printed with its members.</summary>
    public sealed record ConsentRecord(string SubjectKey, string Purpose, bool Granted, string Source, string PolicyVersion, DateTimeOffset At);

    /// <summary>A consent string as the CMP hands it (IAB TCF): purposes and vendors, no person.</summary>
    public sealed record ConsentString(string TcString, int CmpId, IReadOnlyList<int> Purposes);

    public sealed class ConsentConflictException(string purpose, string policyVersion)
        : Exception($"Consent for '{purpose}' recorded under policy {policyVersion}, which is superseded")
    {
        public string Purpose { get; } = purpose;
    }

    public interface IConsentStore
    {
        Task<ConsentRecord?> LatestAsync(string subjectKey, string purpose, CancellationToken cancellationToken = default);

        Task SaveAsync(ConsentRecord record, CancellationToken cancellationToken = default);
    }
}

namespace PrivacyOps.Export
{
    /// <summary>A return made for a regulator: its id, the regulator, the period and the file.</summary>
    public sealed record RegulatorReturn(string ReturnId, string Regulator, string Period, int Rows, string FileName);

    /// <summary>The manifest signed and sent with a return.</summary>
    public sealed record ExportManifest(string ReturnId, string Sha256, long Bytes, DateTimeOffset SignedAt);

    /// <summary>A row of a return failed the regulator's schema; quotes the row's key and the value.</summary>
    public sealed class ReturnValidationException(string rowKey, string field, string value)
        : Exception($"Row {rowKey}: '{value}' is not valid for {field}")
    {
        public string Field { get; } = field;
    }

    public interface IRegulatorGateway
    {
        Task<string> SubmitAsync(RegulatorReturn regulatorReturn, byte[] content, CancellationToken cancellationToken = default);
    }
}
