namespace PrivacyHoldout142.Gaming;

/// <summary>A membership application from the club's site. Prints player id, gamertag, email, Discord handle, date of birth, tier and main title.</summary>
public sealed record ClubApplication(Guid PlayerId, string Gamertag, string Email, string DiscordHandle, DateOnly DateOfBirth, string Tier, string MainTitle);

/// <summary>The esports club's membership API: applications, the monthly direct debit and cancellations.</summary>
[ApiController]
[Route("api/club/memberships")]
public sealed class EsportsClubMembershipController(
    IMemberDirectory members,
    IDirectDebitProvider directDebits,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<EsportsClubMembershipController> logger) : ControllerBase
{
    private readonly Counter<long> _applications = meter.CreateCounter<long>("clubarena.applications", "{application}");
    private readonly List<string> _cancelComments = [];
    private string? _lastTagRejected;

    [HttpPost]
    public async Task<ActionResult> ApplyAsync([FromBody] ClubApplication application)
    {
        using var span = source.StartClubarenaOperation("arena-manchester");
        span.SetClubarenaMemberId(pseudonymizer.PseudonymizeClubarenaMemberId(application.PlayerId.ToString())).SetClubarenaTitle(application.MainTitle); // clean generated-api
        Activity.Current?.SetTag("clubarena.tier", application.Tier); // clean precision-about
        Activity.Current?.SetTag("clubarena.gamertag", application.Gamertag); // leak TC1001 direct
        Activity.Current?.SetTag("clubarena.gamertag.length", application.Gamertag.Length); // clean precision-about
        Activity.Current?.SetTag("clubarena.applicant.adult", DateTime.Today.Year - application.DateOfBirth.Year >= 18); // clean precision-about
        _applications.Add(1, new KeyValuePair<string, object?>("tier", application.Tier), new("title", application.MainTitle)); // clean precision-names

        if (application.Gamertag.Contains("admin", StringComparison.OrdinalIgnoreCase))
        {
            _lastTagRejected = application.Gamertag;
            logger.LogWarning("Rejected application {@Application}", application); // leak TC1001 logging-objects
            return BadRequest("gamertag");
        }

        try
        {
            var result = await members.CreateAsync(new SignUpRequest(application.Gamertag, string.Empty, application.Email, string.Empty, application.DateOfBirth, string.Empty, application.Tier, "arena-manchester", null));
            logger.LogInformation("Application accepted, agreement {AgreementId}", result.AgreementId); // clean precision-names
            ClubLog.MemberJoined(logger, application.Gamertag, application.Tier); // leak TC1001 logging-objects
            return Ok(result.AgreementId);
        }
        catch (DuplicateMemberException ex)
        {
            logger.LogClubarenaOperationFailedEvent("arena-manchester", "duplicate", clubarenaMemberId: pseudonymizer.PseudonymizeClubarenaMemberId(application.PlayerId.ToString())); // clean generated-api
            Activity.Current?.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection { ["exception.type"] = ex.GetType().FullName, ["exception.message"] = ex.Message })); // leak TC1001 exceptions
            return BadRequest(ex.Field);
        }
    }

    [HttpPost("{playerId:guid}/direct-debit")]
    public async Task<ActionResult> DirectDebitAsync(Guid playerId, [FromBody] BankDetails bank)
    {
        var reference = $"ARENA-{DateTime.UtcNow:yyyyMM}-{Random.Shared.Next(100000):D5}";
        Activity.Current?.SetTag("clubarena.mandate.reference", reference); // clean strings
        logger.LogInformation("Bank details received {Bank}", bank); // leak TC1001 logging-objects
        logger.LogInformation("Bank details for sort code {SortCode}", bank.SortCode); // clean precision-about
        try
        {
            var mandate = await directDebits.CreateMandateAsync(new MandateRequest(playerId.ToString(), bank, reference));
            Activity.Current?.SetTag("clubarena.mandate.id", mandate.MandateId); // clean precision-names
        }
        catch (BankDetailsInvalidException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
        }

        return Ok();
    }

    [HttpPost("{playerId:guid}/cancel")]
    public async Task<ActionResult> CancelAsync(Guid playerId, [FromBody] CancellationRequest request)
    {
        try
        {
            var outcome = await members.CancelAsync(request);
            logger.LogInformation("Cancelled {Outcome}", outcome); // clean logging-objects
            logger.LogInformation("Cancellation for {ReasonCode} with {NoticeDays} days' notice", request.ReasonCode, outcome.NoticeDays); // clean precision-about
            if (request.FreeTextReason is { } words)
            {
                _cancelComments.Add(words);
            }

            meter.CreateClubarenaCheckinsCounter().Add(1, clubarenaArena: "arena-manchester", clubarenaOutcome: $"cancel:{playerId}"); // leak TC1003 generated-api
        }
        catch (MinimumTermException ex)
        {
            logger.LogClubarenaOperationFailedEvent("arena-manchester", "minimum-term", clubarenaNote: ex.Message); // clean generated-api
        }

        return Ok();
    }

    public void ReportCancellations()
    {
        logger.LogInformation("Cancellation comments this week: {Comments}", _cancelComments); // leak TC1001 cross-member
        logger.LogInformation("Cancellation comments this week: {Count}, {Words} words", _cancelComments.Count, _cancelComments.Sum(c => c.Split(' ').Length)); // clean precision-about
        Activity.Current?.SetTag("clubarena.last.rejected.tag", _lastTagRejected); // leak TC1001 cross-member
    }
}

internal static partial class ClubLog
{
    [LoggerMessage(EventId = 7201, Level = LogLevel.Information, Message = "Member {Gamertag} joined on {Tier}")]
    public static partial void MemberJoined(ILogger logger, string gamertag, string tier);

    [LoggerMessage(EventId = 7202, Level = LogLevel.Information, Message = "Member {PlayerId} checked in at {Arena}")]
    public static partial void CheckedIn(ILogger logger, [PrivateData] string playerId, string arena);
}
