namespace PrivacyHoldout94.Gaming;

public sealed record SignUpEmailRequest(Guid PlayerId, string Gamertag, string Email, string? Locale);

public sealed record ConfirmEmailRequest(string Token, string Email);

public interface IVerificationStore
{
    Task SaveAsync(VerificationToken token, Guid playerId, CancellationToken cancellationToken);

    Task<(VerificationToken Token, Guid PlayerId)?> FindAsync(string token, CancellationToken cancellationToken);
}

public interface ITransactionalMail
{
    Task SendTemplateAsync(string templateId, string to, IReadOnlyDictionary<string, string> model, CancellationToken cancellationToken);
}

/// <summary>
/// The account service's email endpoints: a new account's email is checked and a verification link is
/// mailed; the link lands on the confirm endpoint, which marks the address verified.
/// </summary>
[ApiController]
[Route("accounts/email")]
public sealed class AccountEmailController(
    IEmailVerifier verifier,
    DisposableDomainList disposable,
    VerificationTokenIssuer issuer,
    IVerificationStore store,
    ITransactionalMail mail,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ContactHygieneOptions options,
    ILogger<AccountEmailController> logger) : ControllerBase
{
    private const string VerifyTemplateId = "tmpl-verify-email-v3";
    private static readonly ConcurrentDictionary<Guid, (string Email, DateTimeOffset At)> LastSent = new();
    private readonly AcctverifyChecksCounter _checks = meter.CreateAcctverifyChecksCounter();
    private readonly AcctverifyCheckDurationHistogram _duration = meter.CreateAcctverifyCheckDurationHistogram();

    [HttpPost("")]
    public async Task<ActionResult> SignUpAsync([FromBody] SignUpEmailRequest request, CancellationToken cancellationToken)
    {
        var player = pseudonymizer.PseudonymizeAcctverifyPlayerId(request.PlayerId.ToString());
        using var span = source.StartAcctverifyCheck("email");
        span.SetAcctverifyPlayerId(player); // clean precision-pseudonym
        span.Activity?.SetTag("acctverify.locale", request.Locale); // clean precision-about
        logger.LogInformation("Email verification requested: {@Request}", request); // leak TC1001 logging-objects

        var domain = EmailSyntax.DomainOf(request.Email);
        span.SetAcctverifyEmailDomain(domain); // clean precision-about
        if (disposable.Contains(domain))
        {
            span.SetAcctverifyDisposable(true); // clean precision-about
            _checks.Add(1, "email", "disposable");
            logger.LogAcctverifyCheckFailedEvent("email", "disposable", player, acctverifyNote: $"{request.Gamertag} tried {domain}"); // leak TC1001 generated-api
            return BadRequest("Please use a permanent email address.");
        }

        var started = Stopwatch.GetTimestamp();
        EmailVerificationResult result;
        try
        {
            result = await verifier.VerifyAsync(request.Email, cancellationToken);
        }
        catch (EmailVerificationException ex)
        {
            span.SetAcctverifyOutcome("failed");
            span.Activity?.SetTag("acctverify.verifier.status", ex.StatusCode); // clean exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            return BadRequest("We could not check that address.");
        }
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "email", "emailcheck");
        span.SetAcctverifyVerdict(result.Deliverability.ToString());
        span.Activity?.SetTag("acctverify.role_account", result.IsRoleAccount); // clean precision-about
        logger.LogDebug("Verifier said {Result}", result); // leak TC1001 logging-objects

        var token = issuer.Issue(request.Email, options.VerificationLifetime);
        await store.SaveAsync(token, request.PlayerId, cancellationToken);
        LastSent[request.PlayerId] = (request.Email, DateTimeOffset.UtcNow);
        var link = issuer.BuildLink(options.VerificationBaseUri, token);
        await mail.SendTemplateAsync(VerifyTemplateId, request.Email, new Dictionary<string, string> { ["link"] = link.ToString(), ["gamertag"] = request.Gamertag }, cancellationToken);
        span.Activity?.SetTag("acctverify.mail.template", VerifyTemplateId); // clean precision-names
        span.Activity?.SetTag("acctverify.token.length", token.Token.Length); // clean precision-about
        span.Activity?.AddEvent(new ActivityEvent("verification.sent", tags: new ActivityTagsCollection { ["token"] = token.Token })); // leak TC1001 direct
        return Ok(new { sent = true });
    }

    [HttpPost("resend")]
    public ActionResult Resend(Guid playerId)
    {
        using var span = source.StartAcctverifyCheck("email");
        if (LastSent.TryGetValue(playerId, out var last) && DateTimeOffset.UtcNow - last.At < TimeSpan.FromMinutes(2))
        {
            span.Activity?.SetTag("acctverify.resend.wait_seconds", (int)(TimeSpan.FromMinutes(2) - (DateTimeOffset.UtcNow - last.At)).TotalSeconds); // clean cross-member
            logger.LogInformation("Resend to {Email} throttled", last.Email); // leak TC1001 cross-member
            return BadRequest("Please wait before asking for another email.");
        }
        return Ok();
    }

    [HttpGet("confirm")]
    public async Task<ActionResult> ConfirmAsync(string token, string email, CancellationToken cancellationToken)
    {
        using var span = source.StartAcctverifyCheck("email");
        var saved = await store.FindAsync(token, cancellationToken);
        if (saved is null)
        {
            logger.LogWarning("Unknown verification token presented for {Email}", email); // leak TC1001 direct
            span.SetAcctverifyOutcome("unknown_token");
            return NotFound();
        }

        var (issued, playerId) = saved.Value;
        if (issued.ExpiresAt < DateTimeOffset.UtcNow)
        {
            var expired = new VerificationTokenExpiredException(issued.TokenId);
            span.RecordException(expired, "token expired", includeMessage: true); // clean exceptions
            return BadRequest("This link has expired.");
        }

        if (!string.Equals(issued.Email, email, StringComparison.OrdinalIgnoreCase))
        {
            span.SetAcctverifyNote("token email mismatch"); // clean generated-api
            span.Activity?.SetTag("acctverify.mismatch.domains", $"{EmailSyntax.DomainOf(issued.Email)}->{EmailSyntax.DomainOf(email)}"); // clean strings
            return BadRequest("This link was sent to another address.");
        }

        span.SetAcctverifyPlayerId(pseudonymizer.PseudonymizeAcctverifyPlayerId(playerId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("enduser.id", playerId); // leak TC1001 direct
        span.SetAcctverifyOutcome("verified");
        _checks.Add(1, "email", "verified");
        return Ok();
    }
}
