namespace PrivacyHoldout139.Education;

/// <summary>
/// Takes the council's coordinated admissions file for the trust's schools, ranks the waiting lists by the
/// oversubscription criteria and makes offers when places come free.
/// </summary>
public sealed partial class AdmissionsWaitingListService(
    IAdmissionsPortal portal,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<AdmissionsWaitingListService> logger)
{
    private static readonly ActivitySource Source = new("Trust.Admissions");
    private static readonly Meter Meter = new("Trust.Admissions");
    private static readonly Histogram<int> DistanceMetres = Meter.CreateHistogram<int>("admissions.home_distance", "m");
    private static readonly Counter<long> OffersMade = Meter.CreateCounter<long>("admissions.offers");

    private string? _lastDeclinedApplicant;

    public async Task<IReadOnlyList<WaitingListEntry>> RankAsync(string schoolUrn, string yearGroup, string round, CancellationToken ct)
    {
        using var span = Source.StartSchoolmisOperation(schoolUrn);
        span.SetSchoolmisYearGroup(yearGroup); // clean precision-names
        var applications = await portal.GetApplicationsAsync(schoolUrn, round, ct);
        span.SetSchoolmisPupilCount(applications.Count); // clean precision-about

        var ranked = applications
            .OrderByDescending(a => a.LookedAfter)
            .ThenByDescending(a => a.SiblingLink)
            .ThenBy(a => a.DistanceMetres)
            .Select((a, i) => new WaitingListEntry(a.ApplicationId, schoolUrn, yearGroup, i + 1, Criterion(a)))
            .ToList();

        foreach (var application in applications)
        {
            DistanceMetres.Record(application.DistanceMetres, new KeyValuePair<string, object?>("school.urn", schoolUrn)); // clean precision-about
            if (application.DistanceMetres > 20_000)
            {
                logger.LogWarning("Applicant {ApplicantRef} lives {Distance} m from {School}; check the home address", application.ApplicantRef, application.DistanceMetres, schoolUrn); // leak TC1001 cross-member
            }
        }

        logger.LogInformation("Ranked {Count} applications for {School} {YearGroup} in round {Round}", ranked.Count, schoolUrn, yearGroup, round); // clean precision-about
        logger.LogDebug("Top of list: {Entry}", ranked.FirstOrDefault()); // clean logging-objects
        Activity.Current?.SetTag("admissions.criteria", string.Join(",", ranked.Select(r => r.Criterion).Distinct())); // clean strings
        return ranked;
    }

    public async Task OfferNextAsync(WaitingListEntry entry, AdmissionApplication application, CancellationToken ct)
    {
        using var span = Source.StartSchoolmisOperation(entry.SchoolUrn);
        span.SetSchoolmisApplicantId(pseudonymizer.PseudonymizeSchoolmisApplicantId(application.ApplicantRef)) // clean generated-api
            .SetSchoolmisPosition(entry.Position); // clean precision-about
        Activity.Current?.SetBaggage("admissions.applicant", application.ApplicantRef); // leak TC1001 direct
        try
        {
            var offer = await portal.OfferAsync(entry.ApplicationId, entry.SchoolUrn, ct);
            logger.LogInformation("Offer made: {Offer}", offer); // leak TC1001 logging-objects
            OffersMade.Add(1, new KeyValuePair<string, object?>("school.urn", offer.SchoolUrn), new KeyValuePair<string, object?>("criterion", entry.Criterion)); // clean precision-names
            span.SetSchoolmisOutcome("offered"); // clean generated-api
            span.Activity?.AddEvent(new ActivityEvent("admissions.offer", tags: new ActivityTagsCollection { ["application.id"] = entry.ApplicationId, ["respond.by"] = offer.RespondBy.ToString("O") })); // clean precision-names
        }
        catch (OversubscribedException ex)
        {
            span.RecordException(ex, "year group full", includeMessage: true); // clean exceptions
            logger.LogWarning(ex, "No place to offer at {School}", ex.SchoolUrn); // clean exceptions
        }
        catch (DuplicateApplicationException ex)
        {
            _lastDeclinedApplicant = application.ChildName;
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogError(ex, "Duplicate application {ApplicationId}", entry.ApplicationId); // leak TC1001 exceptions
            span.Activity?.SetTag("error.type", ex.GetType().Name); // clean exceptions
        }
    }

    public void ReportIntake(IReadOnlyList<AdmissionApplication> applications, string schoolUrn)
    {
        var byDistrict = applications
            .GroupBy(a => a.HomePostcode.Split(' ')[0])
            .ToDictionary(g => g.Key, g => g.Count());
        logger.LogInformation("Applications by postcode district for {School}: {@Districts}", schoolUrn, byDistrict); // clean precision-about
        logger.LogInformation("Late applications from {Postcodes}", string.Join(";", applications.Where(a => a.DistanceMetres < 0).Select(a => a.HomePostcode))); // leak TC1001 strings
        logger.LogInformation("Parent email domains: {Domains}", applications.Select(a => a.ParentEmail[(a.ParentEmail.IndexOf('@') + 1)..]).Distinct().ToArray()); // clean precision-about
        logger.LogDebug("Intake sample {@Application}", applications.FirstOrDefault()); // leak TC1001 logging-objects
        if (_lastDeclinedApplicant is not null)
        {
            Activity.Current?.AddEvent(new ActivityEvent("admissions.duplicate", tags: new ActivityTagsCollection { ["child"] = _lastDeclinedApplicant })); // leak TC1001 cross-member
        }

        foreach (var a in applications.Where(a => a.LookedAfter))
        {
            var shard = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(a.ApplicantRef)))[..4];
            LogLookedAfterApplicant(logger, shard, a.ApplicantRef); // leak TC1001 logging-objects
            Activity.Current?.SetTag("admissions.lac.shard", shard); // clean hashes
            var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(a.ApplicantRef)))[..16];
            Activity.Current?.SetTag("admissions.lac.ref", digest); // leak TC1002 hashes
            LogLookedAfterRedacted(logger, shard, a.ApplicantRef); // clean logging-objects
        }
    }

    private static string Criterion(AdmissionApplication a) =>
        a.LookedAfter ? "looked-after" : a.SiblingLink ? "sibling" : "distance";

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Looked-after applicant in shard {Shard}: {ApplicantRef}")]
    private static partial void LogLookedAfterApplicant(ILogger logger, string shard, string applicantRef);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Looked-after applicant in shard {Shard}: {ApplicantRef}")]
    private static partial void LogLookedAfterRedacted(ILogger logger, string shard, [PrivateData] string applicantRef);
}
