namespace PrivacyHoldout179.Healthcare;

[ApiController]
[Route("api/ward-visits")]
public sealed partial class WardVisitController(
    ILogger<WardVisitController> logger,
    IVisitorLog visitorLog,
    IWatchListScreen watchList,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter) : ControllerBase
{
    private static readonly ActivitySource Source = new("Trust.WardVisits");
    private readonly Counter<long> _visits = meter.CreateCounter<long>("ward.visits.signed_in");
    private readonly WardvisitOperationsCounter _operations = meter.CreateWardvisitOperationsCounter();
    private string? _lastVisitorMobile;

    [HttpPost("sign-in")]
    public async Task<ActionResult> SignIn([FromBody] WardVisit visit, CancellationToken cancellationToken)
    {
        using var span = Source.StartWardvisitOperation(visit.Ward);
        span.SetWardvisitVisitType("ward_visit"); // clean precision-names
        span.SetWardvisitOutcome(visit.Relationship); // clean precision-about
        span.Activity?.SetTag("ward.patient.nhs_number", visit.NhsNumber); // leak TC1001 direct
        span.Activity?.SetTag("ward.visitor.name", visit.VisitorName); // leak TC1001 direct
        span.Activity?.SetTag("ward.visitor.mobile_given", !string.IsNullOrEmpty(visit.VisitorMobile)); // clean precision-about
        span.Activity?.SetTag("ward.visitor.mobile_prefix", visit.VisitorMobile[..3]); // clean precision-about
        span.Activity?.SetTag("ward.visitor.name_length", visit.VisitorName.Length); // clean precision-about
        span.SetWardvisitVisitorId(pseudonymizer.PseudonymizeWardvisitVisitorId(visit.VisitorMobile)); // clean precision-pseudonym

        logger.LogInformation("Visitor {Visitor} signed in to see {Patient} on {Ward}", visit.VisitorName, visit.PatientName, visit.Ward); // leak TC1001 direct
        logger.LogInformation("Visitor signed in on {Ward} as {Relationship}", visit.Ward, visit.Relationship); // clean precision-about
        logger.LogDebug("Ward visit {@Visit}", visit); // leak TC1001 logging-objects

        var hit = await watchList.ScreenAsync(visit.VisitorName, cancellationToken);
        if (hit is not null)
        {
            span.Activity?.AddEvent(new ActivityEvent("watchlist.hit", tags: new ActivityTagsCollection { ["hit.id"] = hit.HitId, ["hit.score"] = hit.Score })); // clean precision-names
            logger.LogWarning("Watch list match {Hit}", hit); // leak TC1001 logging-objects
            logger.LogWarning("Watch list match {HitId} scored {Score} against entry {Entry}", hit.HitId, hit.Score, hit.ListEntryId); // clean precision-names
            span.SetWardvisitNote($"Matched {hit.MatchedName} at {hit.Score}%"); // leak TC1001 generated-api
            span.SetWardvisitOutcome("escalated"); // clean generated-api
            _operations.Add(1, visit.Ward, "escalated"); // clean generated-api
            return BadRequest("Please wait for the nurse in charge");
        }

        _lastVisitorMobile = visit.VisitorMobile;
        _visits.Add(1, new KeyValuePair<string, object?>("ward", visit.Ward)); // clean precision-names
        _visits.Add(1, new KeyValuePair<string, object?>("relationship", visit.Relationship), new KeyValuePair<string, object?>("nhs_number", visit.NhsNumber)); // leak TC1003 direct
        _operations.Add(1, visit.Ward, "signed_in"); // clean generated-api
        return Ok();
    }

    [HttpPost("sign-out/{visitId}")]
    public ActionResult SignOut(string visitId, int minutesOnSite)
    {
        using var activity = Source.StartActivity("ward.visit.sign_out");
        activity?.SetTag("ward.visit.id", visitId); // clean precision-names
        activity?.SetTag("ward.visit.minutes", minutesOnSite); // clean precision-about
        activity?.SetTag("ward.visitor.last_mobile", _lastVisitorMobile); // leak TC1001 cross-member
        LogSignedOut(logger, visitId, minutesOnSite); // clean precision-names
        return Ok();
    }

    [HttpGet("on-site/{ward}")]
    public async Task<ActionResult> OnSite(string ward, CancellationToken cancellationToken)
    {
        var people = await visitorLog.OnSiteAsync(ward, cancellationToken);
        using var activity = Source.StartActivity("ward.visitors.on_site");
        activity?.SetTag("ward.visitors.count", people.Count); // clean precision-about
        logger.LogInformation("On {Ward}: {Visitors}", ward, string.Join(", ", people.Select(p => p.PersonName))); // leak TC1001 strings
        logger.LogInformation("On {Ward}: {Accounted} of {Total} accounted for", ward, people.Count(p => p.Accounted), people.Count); // clean precision-about
        foreach (var person in people.Where(p => !p.Accounted))
        {
            activity?.AddEvent(new ActivityEvent("visitor.unaccounted", tags: new ActivityTagsCollection { ["person.id"] = person.PersonId })); // leak TC1001 direct
            activity?.AddEvent(new ActivityEvent("visitor.unaccounted", tags: new ActivityTagsCollection { ["muster.point"] = person.MusterPoint })); // clean precision-names
        }

        var shard = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(ward + people.Count)))[..2];
        activity?.SetTag("ward.visitors.shard", shard); // clean hashes
        return Ok(people.Count);
    }

    [HttpPost("barred")]
    public ActionResult Barred([FromBody] WardVisit visit)
    {
        try
        {
            throw new VisitorBarredException(visit.VisitorName);
        }
        catch (VisitorBarredException ex)
        {
            logger.LogWarning(ex, "Barred visitor turned away from {Ward}", visit.Ward); // leak TC1001 exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(visit.NhsNumber)))[..12];
            Activity.Current?.SetTag("ward.patient.ref", hash); // leak TC1002 hashes
            Activity.Current?.SetTag("ward.patient.bucket", visit.NhsNumber.GetHashCode() & 15); // leak TC1002 hashes
            return BadRequest(ex.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Visit {VisitId} ended after {Minutes} minutes")]
    private static partial void LogSignedOut(ILogger logger, string visitId, int minutes);
}
