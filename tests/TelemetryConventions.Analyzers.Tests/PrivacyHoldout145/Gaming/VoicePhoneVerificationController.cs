namespace PrivacyHoldout145.Gaming;

/// <summary>A player's request to verify a mobile before voice chat is unlocked.</summary>
public sealed record VerifyPhoneRequest(Guid PlayerId, string Gamertag, string Phone, string Country);

/// <summary>
/// Voice chat needs a verified mobile (one account per number keeps banned players out). Sends a six-digit
/// code by text and checks it. The code is a one-time secret sent to one person's phone.
/// </summary>
[ApiController]
[Route("api/voice/verify")]
public sealed partial class VoicePhoneVerificationController(
    IVoiceBackend backend,
    Func<string, Guid?> playerWithPhone,
    Pseudonymizer pseudonymizer,
    ILogger<VoicePhoneVerificationController> logger,
    Meter meter) : ControllerBase
{
    private static readonly ActivitySource Source = new("Studio.Voice.Verification");

    private readonly Counter<long> _codes = meter.CreateCounter<long>("voice.verification.codes", "{code}");
    private readonly Counter<long> _duplicates = meter.CreateCounter<long>("voice.verification.duplicates", "{attempt}");

    [HttpPost("")]
    public async Task<ActionResult> StartAsync([FromBody] VerifyPhoneRequest request, CancellationToken ct)
    {
        using var span = Source.StartVoicechatOperation(request.Country, "voice.verify.start");
        span.SetVoicechatPlayerId(pseudonymizer.PseudonymizeVoicechatPlayerId(request.PlayerId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag("voice.verify.country_code", request.Phone[..3]); // clean precision-about
        Activity.Current?.SetTag("voice.verify.phone_length", request.Phone.Length); // clean precision-about

        if (playerWithPhone(request.Phone) is { } owner && owner != request.PlayerId)
        {
            Activity.Current?.SetTag("voice.verify.existing_owner", owner); // leak TC1001 direct
            _duplicates.Add(1, new KeyValuePair<string, object?>("country", request.Country)); // clean precision-about
            LogDuplicate(logger, request.Gamertag, request.Phone); // leak TC1001 logging-objects
            return BadRequest("phone-in-use");
        }

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var verification = new PhoneVerification(request.PlayerId, request.Phone, code);
        await backend.SendCodeAsync(request.Phone, code, ct);
        logger.LogDebug("Verification code {Code} sent", code); // leak TC1001 direct
        logger.LogDebug("Verification started {Verification}", verification); // leak TC1001 logging-objects
        LogCodeSent(logger, request.PlayerId, request.Phone); // clean logging-objects
        Activity.Current?.SetTag(VoicechatAttributes.Contact, request.Phone); // leak TC1001 generated-api
        _codes.Add(1, new KeyValuePair<string, object?>("country", request.Country)); // clean precision-about
        Activity.Current?.SetTag("voice.verify.phone_sha256", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.Phone)))[..10]); // leak TC1002 hashes
        span.SetVoicechatOutcome("code-sent"); // clean generated-api
        return Ok();
    }

    [HttpPost("{playerId}/check")]
    public ActionResult Check(Guid playerId, string typedCode, string expectedCode, string region)
    {
        var matched = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(typedCode), Encoding.ASCII.GetBytes(expectedCode));
        Activity.Current?.SetTag("voice.verify.matched", matched); // clean precision-about
        logger.LogInformation("Verification for {Player}: {Matched}", pseudonymizer.ComputeVoicechatPlayerId(playerId.ToString()), matched); // clean precision-pseudonym
        _codes.Add(1, new KeyValuePair<string, object?>("player", pseudonymizer.ComputeVoicechatPlayerId(playerId.ToString()))); // leak TC1003 precision-pseudonym
        meter.CreateVoicechatSessionsCounter().Add(1, region, matched ? "verified" : "code-mismatch"); // clean generated-api
        return matched ? Ok() : BadRequest("code-mismatch");
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "{Gamertag} tried a phone already verified by another player: {Phone}")]
    private static partial void LogDuplicate(ILogger logger, string gamertag, [PrivateData] string phone);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "Code sent to {PlayerId} at {Phone}")]
    private static partial void LogCodeSent(ILogger logger, [PrivateData] Guid playerId, [PrivateData] string phone);
}
