namespace PrivacyHoldout218.Healthcare;

/// <summary>The trust's patient library and the home library service for housebound patients discharged from the wards.</summary>
[ApiController]
[Route("api/home-library")]
public sealed partial class HomeLibraryVisitsController(
    ILibraryStore store,
    Pseudonymizer pseudonymizer,
    ILogger<HomeLibraryVisitsController> logger,
    LibraryOptions options) : ControllerBase
{
    private static readonly ActivitySource Source = new("PrivacyHoldout218.Healthcare.HomeLibrary");
    private static readonly Meter Meter = new("PrivacyHoldout218.Healthcare.HomeLibrary");
    private static readonly Counter<long> VisitsBooked = Meter.CreateCounter<long>("homeread.visits.booked");

    private string? _lastCardNumber;
    private string _volunteerOnRound = string.Empty;

    [HttpPost("visits")]
    public async Task<ActionResult> BookVisitAsync([FromBody] HomeVisit visit, CancellationToken cancellationToken)
    {
        using var span = Source.StartHomereadOperation(options.AuthorityCode);
        _lastCardNumber = visit.CardNumber;
        _volunteerOnRound = visit.VolunteerName;
        var activity = Activity.Current;
        activity?.SetTag("homeread.visit.id", visit.VisitId); // clean precision-names
        activity?.SetTag("homeread.member.card", visit.CardNumber); // leak TC1001 direct
        activity?.SetTag("homeread.visit.address", visit.Address); // leak TC1001 direct
        activity?.SetTag("homeread.visit.items", visit.ItemsDelivered); // clean precision-about
        activity?.SetTag("homeread.visit.slot", visit.ScheduledAt.ToString("yyyy-MM-dd")); // clean precision-names
        span.SetHomereadMemberId(pseudonymizer.PseudonymizeHomereadMemberId(visit.CardNumber)); // clean generated-api
        span.SetHomereadFormat("home-visit"); // clean generated-api
        span.SetHomereadItems(visit.ItemsDelivered); // clean generated-api
        span.SetHomereadNote($"visit for {visit.CardNumber} at {visit.Address}"); // leak TC1001 generated-api
        logger.LogInformation("Home visit {VisitId} booked with volunteer {Volunteer}", visit.VisitId, visit.VolunteerName); // leak TC1001 direct
        logger.LogInformation("Home visit {VisitId} booked for {ItemCount} items", visit.VisitId, visit.ItemsDelivered); // clean precision-about
        logger.LogDebug("Visit booked {@Visit}", visit); // leak TC1001 logging-objects
        logger.LogDebug("Visit booked {@Visit}", new { visit.VisitId, visit.ItemsDelivered, visit.ScheduledAt }); // clean logging-objects
        logger.LogDebug("Visit booked {Visit}", visit with { Address = "withheld" }); // leak TC1001 logging-objects
        VisitsBooked.Add(1, new KeyValuePair<string, object?>("homeread.branch", options.AuthorityCode)); // clean precision-names
        VisitsBooked.Add(1, new KeyValuePair<string, object?>("homeread.member", pseudonymizer.ComputeHomereadMemberId(visit.CardNumber))); // leak TC1003 precision-pseudonym
        await store.SaveVisitAsync(visit, cancellationToken);
        TagVolunteer(activity);
        return Ok(visit.VisitId);
    }

    private void TagVolunteer(Activity? activity)
    {
        activity?.SetTag("homeread.volunteer.name", _volunteerOnRound); // leak TC1001 cross-member
        activity?.SetTag("homeread.volunteer.assigned", _volunteerOnRound.Length > 0); // clean precision-about
        activity?.SetTag("homeread.last.member", _lastCardNumber); // leak TC1001 cross-member
    }

    [HttpGet("members/{cardNumber}/history")]
    public async Task<ActionResult> HistoryAsync(string cardNumber, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("homeread.member.id", pseudonymizer.ComputeHomereadMemberId(cardNumber)); // clean precision-pseudonym
        try
        {
            var member = await store.FindMemberAsync(cardNumber, cancellationToken) ?? throw new MemberNotFoundException(cardNumber);
            var history = await store.HistoryAsync(cardNumber, cancellationToken);
            activity?.SetTag("homeread.history.lines", history.Count); // clean precision-about
            activity?.SetTag("homeread.history.titles", string.Join(";", history.Select(h => h.Title))); // leak TC1001 strings
            activity?.SetTag("homeread.member.branch", member.HomeBranch); // clean precision-names
            activity?.SetTag("homeread.member.email_domain", member.Email.Split('@')[1]); // clean precision-about
            activity?.SetTag("homeread.member.phone", member.Phone); // leak TC1001 direct
            activity?.SetTag(HomereadAttributes.Contact, member.Email); // leak TC1001 direct
            activity?.SetTag("homeread.member.born", member.DateOfBirth.ToString("O")); // leak TC1001 direct
            logger.LogInformation("History read for {Member}", member); // leak TC1001 logging-objects
            LogHistoryRead(logger, cardNumber, history.Count); // clean logging-objects
            LogHistoryReadRaw(logger, cardNumber, history.Count); // leak TC1001 direct
            return Ok(history.Count);
        }
        catch (MemberNotFoundException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, "member not found"); // clean exceptions
            logger.LogWarning("Lookup failed: {ExceptionType}", ex.GetType().Name); // clean exceptions
            return NotFound();
        }
    }

    [HttpPost("loans/{loanId}/renew")]
    public async Task<ActionResult> RenewAsync(string loanId, CancellationToken cancellationToken)
    {
        using var span = Source.StartHomereadOperation(options.AuthorityCode);
        try
        {
            var summary = await store.RenewAsync(loanId, cancellationToken);
            logger.LogInformation("Renewed {@Loan}", summary); // clean logging-objects
            span.SetHomereadOutcome("ok"); // clean generated-api
            return Ok(summary.DueAt);
        }
        catch (LoanNotFoundException ex)
        {
            span.RecordException(ex, "loan not found"); // clean exceptions
            logger.LogWarning(ex, "Renewal of {LoanId} failed", loanId); // clean exceptions
            logger.LogHomereadOperationFailedEvent(options.AuthorityCode, "loan-missing", homereadNote: ex.Message); // clean generated-api
            return NotFound(loanId);
        }
    }

    public void RecordDischarge(string cardNumber, string wardName, string nhsNumber)
    {
        var activity = Activity.Current;
        activity?.SetTag("homeread.ward", wardName); // clean precision-names
        activity?.SetTag("homeread.patient.nhs", nhsNumber); // leak TC1001 direct
        activity?.SetTag("homeread.patient.hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(nhsNumber)))); // leak TC1002 hashes
        activity?.SetTag("homeread.member.bucket", Math.Abs(cardNumber.GetHashCode()) % 16); // leak TC1002 hashes
        activity?.SetTag("homeread.member.shard", HMACSHA256.HashData(options.ShardKey, Encoding.UTF8.GetBytes(cardNumber))[0] % 16); // clean hashes
        activity?.AddBaggage("homeread.member", cardNumber); // leak TC1001 direct
        activity?.AddBaggage("homeread.ward", wardName); // clean precision-names
        activity?.AddEvent(new ActivityEvent("discharged", tags: new ActivityTagsCollection { ["homeread.member.card"] = cardNumber })); // leak TC1001 direct
        activity?.AddEvent(new ActivityEvent("discharged", tags: new ActivityTagsCollection { ["homeread.ward"] = wardName })); // clean precision-names
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["CardNumber"] = cardNumber, ["Ward"] = wardName }); // leak TC1001 logging-objects
        using var wardScope = logger.BeginScope(new Dictionary<string, object> { ["Ward"] = wardName }); // clean logging-objects
        RecordDischargeMetrics(wardName, cardNumber);
    }

    private void RecordDischargeMetrics(string wardName, string cardNumber)
    {
        Meter.CreateHomereadOperationsCounter().Add(1, wardName, homereadOutcome: "discharged"); // clean generated-api
        Meter.CreateHomereadOperationsCounter().Add(1, wardName, homereadOutcome: cardNumber); // leak TC1003 generated-api
        Meter.CreateHomereadOperationDurationHistogram().Record(0.2, wardName); // clean generated-api
        logger.LogHomereadOperationFailedEvent(wardName, "discharge", homereadMemberId: pseudonymizer.PseudonymizeHomereadMemberId(cardNumber)); // clean generated-api
        logger.LogHomereadOperationFailedEvent(wardName, "discharge", homereadNote: "card " + cardNumber); // leak TC1001 generated-api
    }

    [LoggerMessage(EventId = 2181, Level = LogLevel.Information, Message = "History read for member {CardNumber}: {Lines} lines")]
    private static partial void LogHistoryRead(ILogger logger, [PrivateData] string cardNumber, int lines);

    [LoggerMessage(EventId = 2182, Level = LogLevel.Information, Message = "History read for card {CardNumber}: {Lines} lines")]
    private static partial void LogHistoryReadRaw(ILogger logger, string cardNumber, int lines);
}
