namespace PrivacyHoldout206.Media;

/// <summary>A broadcaster's audience research panel run with a university: panellists, diaries and data access requests.</summary>
public sealed partial class AudiencePanelRepository(IAccessCommittee committee, IResearcherDirectory researchers, Pseudonymizer pseudonymizer, ILogger<AudiencePanelRepository> logger)
{
    private static readonly Counter<long> DiaryEntries = StudyTelemetry.Meter.CreateCounter<long>("panel.diary.entries");
    private readonly Dictionary<string, Panellist> _panellists = new();
    private string _lastRequester = string.Empty;

    public void Save(Panellist panellist)
    {
        _panellists[panellist.PanellistId] = panellist;
        using var activity = StudyTelemetry.Source.StartActivity("panel.save");
        activity?.SetTag("panel.panellist.id", panellist.PanellistId); // leak TC1001 direct
        activity?.SetTag("panel.household.id", panellist.HouseholdId); // leak TC1001 direct
        activity?.SetTag("panel.postcode.district", panellist.Postcode.Split(' ')[0]); // clean precision-about
        activity?.SetTag("panel.postcode", panellist.Postcode); // leak TC1001 direct
        activity?.SetTag("panel.participant", pseudonymizer.ComputeAudiencelabParticipantId(panellist.StudyNumber)); // clean precision-pseudonym
        activity?.SetTag("panel.size", _panellists.Count); // clean precision-about
        logger.LogInformation("Saved panellist {@Panellist}", panellist); // leak TC1001 logging-objects
        logger.LogInformation("Panel now {Count} members", _panellists.Count); // clean precision-about
        logger.LogInformation("Panel keys {Keys}", _panellists.Keys.ToList()); // leak TC1001 logging-objects
    }

    public void AddDiary(IReadOnlyList<DiaryEntry> entries)
    {
        var activity = Activity.Current;
        foreach (var entry in entries)
        {
            activity?.SetTag("panel.programme", entry.ProgrammeId); // clean precision-names
            activity?.SetTag("panel.minutes", entry.MinutesWatched); // clean precision-about
            activity?.SetTag("panel.diary.comment", entry.Comment); // leak TC1001 direct
            activity?.SetTag("panel.diary.comment_length", entry.Comment.Length); // clean precision-about
            DiaryEntries.Add(1, new KeyValuePair<string, object?>("panel.programme", entry.ProgrammeId)); // clean precision-names
            DiaryEntries.Add(1, new KeyValuePair<string, object?>("panel.panellist", entry.PanellistId)); // leak TC1003 direct
        }

        logger.LogInformation("Diary {Entries}", entries); // leak TC1001 logging-objects
        logger.LogInformation("Diary totals {Totals}", entries.GroupBy(e => e.ProgrammeId).ToDictionary(g => g.Key, g => g.Sum(e => e.MinutesWatched))); // clean logging-objects
        var digest = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(entries[0].PanellistId)));
        activity?.SetTag("panel.diary.owner", digest); // leak TC1002 hashes
        var keyed = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes("panel-key-2024"), Encoding.UTF8.GetBytes(entries[0].PanellistId)));
        activity?.SetTag("panel.diary.owner_key", keyed); // leak TC1002 hashes
    }

    public async Task<AccessDecision> RequestAccess(DataAccessRequest request, CancellationToken ct)
    {
        _lastRequester = request.ApplicantEmail;
        using var span = StudyTelemetry.Source.StartAudiencelabOperation("panel-dac"); // clean generated-api
        span.SetAudiencelabStudy(request.StudyCode); // clean generated-api
        span.SetAudiencelabNote(request.Purpose.Length > 0 ? "purpose given" : "no purpose"); // clean generated-api
        span.SetAudiencelabNote(request.ApplicantName); // leak TC1001 generated-api
        span.Activity?.SetTag("dac.request.id", request.RequestId); // clean precision-names
        span.Activity?.SetTag("dac.institution", request.Institution); // clean precision-names
        span.Activity?.SetTag("dac.applicant.email", request.ApplicantEmail); // leak TC1001 direct
        span.Activity?.SetTag("dac.applicant_email_domain", request.ApplicantEmail.Split('@')[1]); // clean precision-about
        logger.LogInformation("Access request {Request}", request); // leak TC1001 logging-objects
        var decision = await committee.ReviewAsync(request, ct);
        logger.LogInformation("Access decision {Decision}", decision); // clean logging-objects
        span.SetAudiencelabOutcome(decision.Decision); // clean generated-api
        span.SetAudiencelabItems(decision.DatasetCount); // clean generated-api
        StudyTelemetry.Meter.CreateAudiencelabOperationsCounter().Add(1, "panel-dac", decision.Decision); // clean generated-api
        StudyTelemetry.Meter.CreateAudiencelabOperationsCounter().Add(1, "panel-dac", request.ApplicantName); // leak TC1003 generated-api
        LogDecision(logger, request.ApplicantEmail, decision.Decision); // clean logging-objects
        return decision;
    }

    public async Task DisableResearcher(string accountId, CancellationToken ct)
    {
        var activity = Activity.Current;
        activity?.SetTag("sre.account.id", accountId); // leak TC1001 direct
        var account = await researchers.FindAsync(accountId, ct);
        if (account is null)
        {
            return;
        }

        activity?.SetTag("sre.account.orcid", account.OrcidId); // leak TC1001 direct
        activity?.SetTag("sre.account.institution", account.Institution); // clean precision-names
        var profile = new ResearcherProfile { AccountId = account.AccountId, DisplayName = account.Username, Institution = account.Institution, ApprovedProjects = 3 };
        logger.LogInformation("Disabling {Profile}", profile); // clean logging-objects
        logger.LogInformation("Disabling {@Profile}", profile); // leak TC1001 logging-objects
        try
        {
            await researchers.DisableAsync(accountId, ct);
        }
        catch (ResearcherSuspendedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Already suspended: {Type}", ex.GetType().Name); // clean exceptions
        }

        logger.LogInformation("Last requester was {Requester}", _lastRequester); // leak TC1001 cross-member
        logger.LogInformation("Last requester known: {Known}", _lastRequester.Length > 0); // clean cross-member
        LogDisabled(logger, account.Username); // leak TC1001 logging-objects
        StudyTelemetry.Meter.CreateAudiencelabOperationDurationHistogram().Record(0.4, "panel-dac"); // clean generated-api
    }

    [LoggerMessage(EventId = 2501, Level = LogLevel.Information, Message = "Decision for {Email}: {Decision}")]
    private static partial void LogDecision(ILogger logger, [PrivateData] string email, string decision);

    [LoggerMessage(EventId = 2502, Level = LogLevel.Information, Message = "Disabled researcher {Username}")]
    private static partial void LogDisabled(ILogger logger, string username);
}
