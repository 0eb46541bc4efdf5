namespace MarketingKit
{
    /// <summary>A saved segment of the marketing platform: its id, name, size estimate and filter definition (of attributes, never of people).</summary>
    public sealed record Segment(string Id, string Name, int EstimatedSize, string Definition);

    /// <summary>One member of a static audience list. A positional record: prints its members.</summary>
    public sealed record AudienceMember(string ExternalId, string Email, string? FirstName = null);

    /// <summary>A static audience list. Does not override <c>ToString</c>.</summary>
    public sealed class AudienceList(string id, string name)
    {
        public string Id { get; } = id;

        public string Name { get; } = name;

        public List<AudienceMember> Members { get; } = new();
    }

    /// <summary>A campaign triggered for a segment. Prints its members.</summary>
    public sealed record CampaignSend(string CampaignId, string SegmentId, string Channel, DateTimeOffset ScheduledFor);

    /// <summary>A recipient the platform refused, with its address and the platform's reason code.</summary>
    public sealed record RecipientError(string Recipient, string Code, string Reason);

    /// <summary>The platform's answer to a send. Prints its members (the error list as its type's name).</summary>
    public sealed record SendResult(string DispatchId, int Accepted, int Rejected, IReadOnlyList<RecipientError> Errors);

    /// <summary>A contact entering a journey (canvas): the journey, the step and the contact's external id.</summary>
    public sealed record JourneyEntry(string JourneyId, string StepId, string ExternalId, DateTimeOffset EnteredAt);

    /// <summary>A lead score: the total, its grade and the points of each rule (rule names as keys).</summary>
    public sealed record LeadScore(int Score, string Grade, IReadOnlyDictionary<string, int> Contributions);

    /// <summary>
    /// The marketing API's error: status, error code and the platform's message. Rate limits and outages carry fixed
    /// texts ("Rate limit exceeded, retry later."); 400s quote the value they refused
    /// ("external_id 'C-10442' does not exist", "'jo@example' is not a valid email address").
    /// </summary>
    public sealed class MarketingApiException(int status, string code, string message) : Exception(message)
    {
        public int Status { get; } = status;

        public string Code { get; } = code;
    }

    /// <summary>A Braze/Marketo-style client (sends and list writes are the platform's, not telemetry).</summary>
    public interface IMarketingClient
    {
        Task<SendResult> TriggerCampaignAsync(CampaignSend send, IReadOnlyList<string>? externalIds = null, CancellationToken cancellationToken = default);

        Task<JourneyEntry> EnterJourneyAsync(string journeyId, string externalId, IDictionary<string, object?> properties, CancellationToken cancellationToken = default);

        Task<int> UpsertAudienceMembersAsync(string listId, IReadOnlyList<AudienceMember> members, CancellationToken cancellationToken = default);

        Task<Segment> GetSegmentAsync(string segmentId, CancellationToken cancellationToken = default);

        Task<IReadOnlyList<string>> ExportSegmentAsync(string segmentId, CancellationToken cancellationToken = default);
    }

    /// <summary>A lead scoring model: rules with points, a grade scale.</summary>
    public interface ILeadScorer
    {
        LeadScore Score(IReadOnlyDictionary<string, string> profile, IReadOnlyList<string> activities);
    }
}

namespace MarketingKit.Forms
{
    /// <summary>A web form posted to the CRM's form handler. Does not override <c>ToString</c>.</summary>
    public sealed class FormSubmission
    {
        public required string FormId { get; init; }

        public DateTimeOffset SubmittedAt { get; init; }

        /// <summary>Field name to typed value, as posted.</summary>
        public Dictionary<string, string> Fields { get; } = new(StringComparer.OrdinalIgnoreCase);

        public string? PageUrl { get; init; }

        public string? Referrer { get; init; }

        public string? IpAddress { get; init; }

        /// <summary>The tracking cookie's visitor id (one browser).</summary>
        public string? VisitorCookie { get; init; }

        public string? UtmCampaign { get; init; }

        public string? UtmSource { get; init; }
    }

    /// <summary>The form handler's validation error: quotes the field and the value it refused.</summary>
    public sealed class FormValidationException(string field, string value)
        : Exception($"Field '{field}' has an invalid value '{value}'.")
    {
        public string Field { get; } = field;
    }
}

namespace MarketingKit.Consent
{
    /// <summary>A consent change from the preference centre or a form's tick box. Prints its members.</summary>
    public sealed record ConsentRecord(string SubjectRef, string Purpose, string Channel, bool Granted, string Source, string WordingVersion, DateTimeOffset CapturedAt);

    /// <summary>A preference centre update made with a link token. Prints its members.</summary>
    public sealed record PreferenceUpdate(string Token, string Topic, string Channel, bool OptedIn);

    /// <summary>A duplicate-detection rule: its name and the fields its match code is built from.</summary>
    public sealed record DuplicateRule(string Name, IReadOnlyList<string> MatchFields, double Threshold);

    /// <summary>A pair of CRM rows the rule matched. Prints its members.</summary>
    public sealed record DuplicateMatch(Guid MasterId, Guid DuplicateId, string RuleName, double Score);

    /// <summary>A preference link token that is unknown or expired.</summary>
    public sealed class PreferenceTokenException(string reason) : Exception($"Preference token rejected: {reason}.");
}
