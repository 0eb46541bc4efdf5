namespace PrivacyHoldout166.Gaming;

public sealed record PlaceBetRequest(Guid AccountId, string Market, string Sport, decimal Stake, string Channel);

[ApiController]
[Route("api/bets")]
public sealed class BetPlacementController(
    IAccountStore accounts,
    IExclusionRegister exclusions,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<BetPlacementController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Sportsbook.Bets");
    private static readonly Meter Meter = new("Sportsbook.Bets");
    private static readonly Counter<long> Declined = Meter.CreateCounter<long>("sportsbook.bets.declined");

    [HttpPost("")]
    public async Task<ActionResult> Place([FromBody] PlaceBetRequest request)
    {
        using var activity = Source.StartActivity("bet.place");
        activity?.SetTag("sportsbook.market", request.Market); // clean precision-about
        activity?.SetTag("sportsbook.account_id", request.AccountId); // leak TC1001 direct
        activity?.SetTag("sportsbook.stake", (double)request.Stake); // clean precision-about
        activity?.SetTag("sportsbook.channel", request.Channel); // clean precision-names

        var account = await accounts.FindAsync(request.AccountId);
        if (account is null)
        {
            logger.LogWarning("Bet for unknown account {AccountId}", request.AccountId); // leak TC1001 direct
            return NotFound();
        }

        var player = pseudonymizer.Pseudonymize("player", account.AccountId.ToString());
        activity?.SetTag("sportsbook.player", player.Value); // clean precision-pseudonym
        Activity.Current?.SetBaggage("player.username", account.Username); // leak TC1001 direct
        Activity.Current?.SetBaggage("player.ref", player.Value); // clean precision-pseudonym

        var status = await exclusions.CheckAsync(account.Email, account.DateOfBirth, account.Postcode);
        activity?.SetTag("sportsbook.exclusion.status", status.Code); // clean precision-about
        if (status.Code == "Y")
        {
            logger.LogWarning("Self-excluded customer {Email} tried to bet on {Market}", account.Email, request.Market); // leak TC1001 direct
            Declined.Add(1, new KeyValuePair<string, object?>("reason", "self-excluded")); // clean precision-about
            return BadRequest("self-excluded");
        }

        var limits = await accounts.LimitsAsync(account.AccountId);
        if (request.Stake > limits.Daily)
        {
            var ex = new StakeLimitException(limits.Daily);
            activity?.AddException(ex); // clean exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogInformation("Stake {Stake} over daily limit for {Username}", request.Stake, account.Username); // leak TC1001 direct
            Declined.Add(1, new KeyValuePair<string, object?>("player", player.Value)); // leak TC1003 precision-pseudonym
            return BadRequest("limit");
        }

        var slip = new BetSlip(Guid.NewGuid().ToString("N"), account.AccountId, request.Stake, request.Market, request.Sport);
        logger.LogInformation("Bet slip accepted {@Slip}", slip); // leak TC1001 logging-objects
        logger.LogInformation("Bet slip {SlipId} accepted on {Sport}", slip.SlipId, slip.Sport); // clean precision-names
        activity?.AddEvent(new ActivityEvent("bet.accepted", tags: new ActivityTagsCollection { ["slip"] = slip.SlipId, ["sport"] = slip.Sport })); // clean precision-names

        var shard = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(account.AccountId.ToString())))[..4];
        activity?.SetTag("sportsbook.shard", shard); // clean hashes
        var legacyKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(account.Email)));
        activity?.SetTag("sportsbook.legacy_key", legacyKey); // leak TC1002 hashes

        using (logger.BeginScope("Player {Username}", account.Username)) // leak TC1001 direct
        {
            logger.LogDebug("Settlement queued for {Slip}", slip.SlipId); // clean precision-names
        }

        using (logger.BeginScope(new Dictionary<string, object> { ["SlipId"] = slip.SlipId, ["Brand"] = "skybet" })) // clean precision-names
        {
            logger.LogDebug("Odds locked"); // clean precision-about
        }

        return Ok(slip.SlipId);
    }

    [HttpGet("{accountId}/limits")]
    public async Task<ActionResult> Limits(Guid accountId)
    {
        var limits = await accounts.LimitsAsync(accountId);
        logger.LogInformation("Limits {@Limits} read", limits); // clean logging-objects
        logger.LogInformation("Limits read for {Caller}", HttpContext.User.Email); // leak TC1001 direct
        logger.LogInformation("Limits read for signed-in user {Authenticated}", HttpContext.User.IsAuthenticated); // clean precision-about
        Activity.Current?.SetTag("http.client_ip", HttpContext.RequestHeaders["X-Forwarded-For"]); // leak TC1001 direct
        return Ok(limits);
    }
}
