namespace PrivacyHoldout184.Gaming;

/// <summary>A player's report of a stolen console.</summary>
public sealed record StolenConsoleRequest(string PlayerId, string Gamertag, string Email, string ConsoleSerial, string CrimeReference, string Region);

/// <summary>The platform's stolen-console desk: a console reported stolen goes on the blocking list; when it signs in again the recovery team is told where.</summary>
[ApiController]
[Route("api/consoles/stolen")]
public sealed partial class StolenConsoleController(IBlockingList blockingList, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<StolenConsoleController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Platform.StolenConsoles");
    private static readonly Meter Meter = new("Platform.StolenConsoles");
    private static readonly Counter<long> Reports = Meter.CreateCounter<long>("consoleguard.reports");
    private static readonly Counter<long> SignIns = Meter.CreateCounter<long>("consoleguard.blocked_sign_ins");
    private readonly ConsoleguardOperationsCounter _operations = Meter.CreateConsoleguardOperationsCounter();

    [HttpPost]
    public async Task<ActionResult> Report([FromBody] StolenConsoleRequest request)
    {
        var report = new StolenConsoleReport(Guid.NewGuid().ToString("N"), request.PlayerId, request.Gamertag, request.ConsoleSerial, request.CrimeReference, request.Region);
        using var span = Source.StartConsoleguardOperation(request.Region);
        span.SetConsoleguardOwnerId(pseudonymizer.PseudonymizeConsoleguardOwnerId(request.PlayerId)); // clean precision-pseudonym
        span.SetConsoleguardItemCategory("console"); // clean precision-names
        span.SetConsoleguardNote(request.Gamertag); // leak TC1001 generated-api
        span.SetConsoleguardNote($"crime reference given: {request.CrimeReference.Length > 0}"); // clean generated-api
        span.Activity?.SetTag("consoleguard.case.id", report.CaseId); // clean direct
        span.Activity?.SetTag("consoleguard.crime_reference", report.CrimeReference); // clean direct
        span.Activity?.SetTag("consoleguard.console.serial", report.ConsoleSerial); // leak TC1001 direct
        span.Activity?.SetTag("consoleguard.player.gamertag", report.Gamertag); // leak TC1001 direct
        span.Activity?.SetTag("consoleguard.player.id", request.PlayerId); // leak TC1001 direct
        span.Activity?.SetTag("consoleguard.player_count", 1); // clean precision-names
        span.Activity?.SetTag("consoleguard.gamertag_length", request.Gamertag.Length); // clean precision-about
        span.Activity?.SetTag("consoleguard.console.model", request.ConsoleSerial[..4]); // clean precision-about
        Baggage.SetBaggage("player.pseudonym", pseudonymizer.ComputeConsoleguardOwnerId(request.PlayerId)); // clean precision-pseudonym
        Baggage.SetBaggage("player.gamertag", request.Gamertag); // leak TC1001 direct

        logger.LogInformation("Stolen console {Report}", report); // leak TC1001 logging-objects
        logger.LogInformation("Stolen console {Report}", report with { PlayerId = "", Gamertag = "", ConsoleSerial = "" }); // clean logging-objects
        logger.LogInformation("Stolen console case {CaseId} in {Region}", report.CaseId, report.Region); // clean direct
        ConsoleReported(logger, report.CaseId, request.Gamertag); // clean logging-objects
        ConsoleReportedPlain(logger, report.CaseId, request.ConsoleSerial); // leak TC1001 logging-objects
        Reports.Add(1, new KeyValuePair<string, object?>("region", request.Region)); // clean direct
        Reports.Add(1, new KeyValuePair<string, object?>("gamertag", request.Gamertag)); // leak TC1003 direct
        var group = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.ConsoleSerial))[0] % 10;
        Reports.Add(1, new KeyValuePair<string, object?>("group", group)); // clean hashes
        span.Activity?.SetTag("consoleguard.console.fingerprint", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.ConsoleSerial)))[..12]); // leak TC1002 hashes

        try
        {
            await blockingList.BlockAsync(new BlockRequest(report.CaseId, request.ConsoleSerial, "console-network", "stolen"));
            _operations.Add(1, request.Region, "blocked"); // clean generated-api
        }
        catch (OwnerNotFoundException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogConsoleguardOperationFailedEvent(request.Region, "no-player", consoleguardOwnerId: pseudonymizer.PseudonymizeConsoleguardOwnerId(request.PlayerId)); // clean generated-api
            _operations.Add(1, request.Region, request.Gamertag); // leak TC1003 generated-api
            return NotFound();
        }

        return Ok(new { report.CaseId });
    }

    [HttpPost("sign-in")]
    public ActionResult BlockedSignIn(string consoleSerial, string playerId, double latitude, double longitude)
    {
        using var activity = Source.StartActivity("consoleguard.blocked_sign_in");
        var location = new DeviceLocation(consoleSerial, playerId, latitude, longitude, DateTime.UtcNow);
        activity?.SetTag("consoleguard.sign_in.lat", location.Latitude); // leak TC1001 direct
        activity?.SetTag("consoleguard.sign_in.lat_rounded", Math.Round(location.Latitude, 1)); // clean precision-about
        activity?.AddEvent(new ActivityEvent("consoleguard.located", tags: new ActivityTagsCollection { ["where"] = location })); // leak TC1001 logging-objects
        logger.LogWarning("Blocked console signed in, {Location}", location); // leak TC1001 logging-objects
        var ex = new SerialOnBlockingListException(consoleSerial);
        activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
        activity?.SetTag("error.type", ex.GetType().FullName); // clean exceptions
        SignIns.Add(1, new KeyValuePair<string, object?>("player", pseudonymizer.PseudonymizeConsoleguardOwnerId(playerId).ToString())); // leak TC1003 precision-pseudonym
        SignIns.Add(1, new KeyValuePair<string, object?>("blocked", true)); // clean precision-about
        return Ok();
    }

    [LoggerMessage(EventId = 4401, Level = LogLevel.Information, Message = "Case {CaseId} for {Gamertag}")]
    private static partial void ConsoleReported(ILogger logger, string caseId, [PrivateData] string gamertag);

    [LoggerMessage(EventId = 4402, Level = LogLevel.Information, Message = "Case {CaseId} console {ConsoleSerial}")]
    private static partial void ConsoleReportedPlain(ILogger logger, string caseId, string consoleSerial);
}
