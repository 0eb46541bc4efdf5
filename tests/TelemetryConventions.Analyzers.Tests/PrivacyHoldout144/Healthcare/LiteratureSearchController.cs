namespace PrivacyHoldout144.Healthcare;

/// <summary>
/// The trust library's knowledge service: clinicians ask for literature searches from the intranet form, the
/// librarians deliver evidence packs, and new starters get an OpenAthens account for the journals.
/// </summary>
[ApiController]
[Route("api/knowledge/searches")]
public sealed partial class LiteratureSearchController(
    ISearchQueue queue,
    IStaffDirectory staff,
    IAthensAdmin athens,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<LiteratureSearchController> logger) : ControllerBase
{
    private const string Branch = "education-centre-library";

    private static readonly Counter<long> SearchesByLane = new Meter("Trust.Library.Knowledge").CreateCounter<long>("medlib.searches.by_lane");

    [HttpPost("")]
    public async Task<ActionResult> Submit([FromBody] LiteratureSearchRequest request, CancellationToken cancellationToken)
    {
        using var span = source.StartMedlibOperation(Branch);
        span.SetMedlibSearchId(request.RequestId); // clean generated-api
        span.SetMedlibClinicianId(pseudonymizer.PseudonymizeMedlibClinicianId(request.StaffNumber)); // clean precision-pseudonym
        span.SetMedlibItemCount(request.MeshHeadings.Length); // clean generated-api

        var activity = Activity.Current;
        activity?.SetTag("medlib.search.purpose", request.Purpose); // clean precision-about
        activity?.SetTag("medlib.search.urgency", request.Urgency); // clean precision-about
        activity?.SetTag("medlib.requester.email_domain", request.RequesterEmail[(request.RequesterEmail.IndexOf('@') + 1)..]); // clean precision-about
        activity?.SetTag("medlib.question.words", request.ClinicalQuestion.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about

        logger.LogInformation("Literature search {RequestId} asked by {StaffNumber} ({Urgency})", request.RequestId, request.StaffNumber, request.Urgency); // leak TC1001 direct
        logger.LogDebug("Clinical question for {RequestId}: {Question}", request.RequestId, request.ClinicalQuestion); // leak TC1001 direct
        logger.LogDebug("Search request received: {Request}", request); // leak TC1001 logging-objects

        var clinician = await staff.FindAsync(request.StaffNumber, cancellationToken);
        if (clinician is null)
        {
            var notFound = new ClinicianNotFoundException(request.StaffNumber);
            span.RecordException(notFound); // clean exceptions
            logger.LogWarning(notFound, "Search {RequestId} refused", request.RequestId); // leak TC1001 exceptions
            meter.CreateMedlibRequestsCounter().Add(1, Branch, medlibOutcome: "refused"); // clean generated-api
            return BadRequest("unknown requester");
        }

        activity?.SetTag("medlib.requester.department", clinician.Department); // clean precision-about
        activity?.SetTag("medlib.requester.grade", clinician.Grade); // clean precision-about

        var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.StaffNumber))[0] % 8;
        SearchesByLane.Add(1, new KeyValuePair<string, object?>("medlib.lane", lane)); // clean hashes

        await queue.EnqueueAsync(request, cancellationToken);
        LogSearchQueued(logger, request.RequestId, request.StaffNumber, Branch); // clean logging-objects
        meter.CreateMedlibRequestsCounter().Add(1, Branch, medlibOutcome: "queued"); // clean generated-api
        span.SetMedlibOutcome("queued"); // clean generated-api
        return Ok(request.RequestId);
    }

    [HttpPost("{requestId}/delivered")]
    public async Task<ActionResult> Delivered(string requestId, string requesterName, CancellationToken cancellationToken)
    {
        var pack = await queue.DeliverAsync(requestId, cancellationToken);
        logger.LogInformation("Search {RequestId} delivered: {Pack}", requestId, pack); // clean logging-objects
        meter.CreateMedlibSearchTurnaroundHistogram().Record(pack.Turnaround.TotalHours, Branch); // clean generated-api
        Activity.Current?.SetTag("medlib.search.included", pack.Included); // clean precision-about

        if (pack.Turnaround > TimeSpan.FromDays(5))
        {
            LogSearchOverdue(logger, requestId, requesterName); // leak TC1001 logging-objects
        }

        return Ok(pack.HitCount);
    }

    [HttpPost("/api/knowledge/athens")]
    public async Task<ActionResult> CreateAthensAccount(string staffNumber, string email, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.AddBaggage("medlib.staff", staffNumber); // leak TC1001 direct

        var account = await athens.CreateAsync(staffNumber, email, cancellationToken);
        logger.LogInformation("OpenAthens account {Username} created, expires {Expiry}", account.Username, account.ExpiresOn); // leak TC1001 direct
        logger.LogDebug("Athens account: {Account}", account); // leak TC1001 logging-objects
        activity?.SetTag("medlib.athens.expires", account.ExpiresOn.ToString("yyyy-MM", CultureInfo.InvariantCulture)); // clean precision-about

        var userKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(account.Username)))[..16];
        activity?.SetTag("medlib.athens.user_key", userKey); // leak TC1002 hashes
        activity?.SetTag("medlib.athens.username_length", account.Username.Length); // clean precision-about
        return Ok();
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Search {RequestId} for {StaffNumber} queued at {Branch}")]
    private static partial void LogSearchQueued(ILogger logger, string requestId, [PrivateData] string staffNumber, string branch);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Search {RequestId} for {RequesterName} took over five days")]
    private static partial void LogSearchOverdue(ILogger logger, string requestId, string requesterName);
}
