namespace PrivacyHoldout147.Gaming;

/// <summary>A request to link a player to the customer's account, typed in the bank app.</summary>
public sealed record PlayerLinkRequest(string CustomerNumber, string Gamertag, Guid PlayerId, string Platform, bool UnderEighteen);

/// <summary>Links a game account to a bank customer so top-ups can be paid; a parent approves for under-18s.</summary>
[ApiController]
[Route("api/game-links")]
public sealed class PlayerLinkController(ActivitySource source, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<PlayerLinkController> logger) : ControllerBase
{
    private static readonly Counter<long> Links = new Meter("Bank.Wallets").CreateCounter<long>("walletpay.links");
    private readonly Dictionary<string, int> _linksPerGamertag = new();
    private string? _lastRejectedGamertag;

    [HttpPost("")]
    public ActionResult Link([FromBody] PlayerLinkRequest request)
    {
        using var span = source.StartWalletpayOperation(request.Platform);
        span.SetWalletpayCustomerId(pseudonymizer.PseudonymizeWalletpayCustomerId(request.CustomerNumber)); // clean generated-api
        Activity.Current?.SetTag("walletpay.platform", request.Platform); // clean direct
        Activity.Current?.SetTag("walletpay.under_eighteen", request.UnderEighteen); // clean precision-about
        Activity.Current?.SetTag("walletpay.gamertag_length", request.Gamertag.Length); // clean precision-about
        Activity.Current?.SetBaggage("walletpay.gamertag", request.Gamertag); // leak TC1001 direct
        Activity.Current?.SetBaggage("walletpay.player", pseudonymizer.ComputeWalletpayPlayerId(request.PlayerId.ToString())); // clean precision-pseudonym
        logger.LogInformation("Link requested {@Request}", request); // leak TC1001 logging-objects
        Links.Add(1, new KeyValuePair<string, object?>("platform", request.Platform), new KeyValuePair<string, object?>("player_count", _linksPerGamertag.Count)); // clean precision-names
        Links.Add(1, new KeyValuePair<string, object?>("player", pseudonymizer.ComputeWalletpayPlayerId(request.PlayerId.ToString()))); // leak TC1003 precision-pseudonym

        _linksPerGamertag[request.Gamertag] = _linksPerGamertag.GetValueOrDefault(request.Gamertag) + 1;
        if (_linksPerGamertag[request.Gamertag] > 3)
        {
            _lastRejectedGamertag = request.Gamertag;
            span.SetWalletpayOutcome("too-many-links"); // clean generated-api
            return BadRequest("too-many-links");
        }

        var cohort = HashCode.Combine(request.PlayerId, request.Platform) % 10;
        Activity.Current?.SetTag("walletpay.cohort", cohort); // leak TC1002 hashes
        var sample = HMACSHA256.HashData(secrets.ShardKey, request.PlayerId.ToByteArray())[0] < 26;
        Activity.Current?.SetTag("walletpay.sampled", sample); // clean hashes
        span.SetWalletpayNote(LinkNote(request)); // leak TC1001 generated-api
        span.SetWalletpayNote(PlatformNote(request)); // clean generated-api
        return Ok();
    }

    [HttpGet("stats")]
    public ActionResult Stats()
    {
        logger.LogInformation("Links per gamertag: {Links}", _linksPerGamertag); // leak TC1001 cross-member
        logger.LogInformation("Gamertags with links: {Count}", _linksPerGamertag.Count); // clean cross-member
        Activity.Current?.SetTag("walletpay.last_rejected", _lastRejectedGamertag); // leak TC1001 cross-member
        Activity.Current?.SetTag("walletpay.any_rejected", _lastRejectedGamertag is not null); // clean cross-member
        return Ok();
    }

    private static string LinkNote(PlayerLinkRequest request) => "linked " + request.Gamertag + " on " + request.Platform;

    private static string PlatformNote(PlayerLinkRequest request) => "linked on " + request.Platform + (request.UnderEighteen ? " with a parent's approval" : string.Empty);
}
