namespace PrivacyHoldout94.Transport;

public sealed record AlertOptIn(string PassengerAccountId, string Mobile, string RouteId, string Region);

public sealed record OneTimeCodeChallenge(Guid ChallengeId, string Code, string E164, DateTimeOffset ExpiresAt);

public interface ISmsSender
{
    string SenderId { get; }

    Task SendAsync(string e164, string text, CancellationToken cancellationToken);
}

/// <summary>
/// A passenger opts in to SMS disruption alerts for a route; the mobile is normalised and confirmed with
/// a six-digit code before any alert is sent to it.
/// </summary>
[ApiController]
[Route("alerts/opt-in")]
public sealed class AlertOptInController(
    ISmsSender sms,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<AlertOptInController> logger) : ControllerBase
{
    private static readonly ConcurrentDictionary<Guid, OneTimeCodeChallenge> Challenges = new();
    private readonly PhoneNumberUtil _phones = PhoneNumberUtil.GetInstance();
    private readonly PaxcontactChecksCounter _checks = meter.CreatePaxcontactChecksCounter();

    [HttpPost("")]
    public async Task<ActionResult> OptInAsync([FromBody] AlertOptIn request, CancellationToken cancellationToken)
    {
        using var span = source.StartPaxcontactCheck("phone");
        span.SetPaxcontactPassengerId(pseudonymizer.PseudonymizePaxcontactPassengerId(request.PassengerAccountId)); // clean precision-pseudonym
        span.Activity?.SetTag("paxcontact.route", request.RouteId); // clean precision-names
        span.Activity?.SetTag("paxcontact.sms.sender_id", sms.SenderId); // clean precision-names

        PhoneNumber number;
        try
        {
            number = _phones.Parse(request.Mobile, request.Region);
        }
        catch (NumberParseException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            _checks.Add(1, "phone", ex.ErrorType.ToString(), request.Region); // clean precision-about
            return BadRequest("That does not look like a mobile number.");
        }

        var e164 = _phones.Format(number, PhoneNumberFormat.E164);
        var challenge = new OneTimeCodeChallenge(Guid.NewGuid(), RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture), e164, DateTimeOffset.UtcNow.AddMinutes(10));
        Challenges[challenge.ChallengeId] = challenge;
        await sms.SendAsync(e164, $"Your code is {challenge.Code}", cancellationToken);
        span.Activity?.SetTag("paxcontact.challenge.id", challenge.ChallengeId); // clean precision-names
        logger.LogDebug("Challenge issued: {Challenge}", challenge); // leak TC1001 logging-objects
        logger.LogDebug("Code {Code} sent to passenger {Passenger}", challenge.Code, request.PassengerAccountId); // leak TC1001 direct
        span.Activity?.AddBaggage("alerts.msisdn", e164); // leak TC1001 direct
        return Ok(new { challenge.ChallengeId });
    }

    [HttpPost("confirm")]
    public ActionResult Confirm(Guid challengeId, string code)
    {
        using var span = source.StartPaxcontactCheck("phone");
        if (!Challenges.TryRemove(challengeId, out var challenge) || challenge.ExpiresAt < DateTimeOffset.UtcNow)
        {
            span.SetPaxcontactNote($"challenge {challengeId} unknown or expired"); // clean generated-api
            return NotFound();
        }
        if (!string.Equals(challenge.Code, code, StringComparison.Ordinal))
        {
            span.SetPaxcontactNote($"wrong code {code} for {challenge.E164}"); // leak TC1001 generated-api
            return BadRequest("Wrong code.");
        }
        span.SetPaxcontactRegion(_phones.GetRegionCodeForNumber(_phones.Parse(challenge.E164, "GB"))); // clean precision-about
        return Ok();
    }
}
