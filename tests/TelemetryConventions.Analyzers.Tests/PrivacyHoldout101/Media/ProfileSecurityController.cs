namespace PrivacyHoldout101.Media;

/// <summary>A change of the sign-in email: the new address and the code sent to it.</summary>
public sealed record EmailChange(string SubscriberId, string OldEmail, string NewEmail, string Code);

[ApiController]
[Route("account/security")]
public sealed partial class ProfileSecurityController(
    IAccountManager<AccountUser> accounts,
    IChallengeStore challenges,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ActivitySource source,
    ILogger<ProfileSecurityController> logger) : ControllerBase
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Authenticator enrolled for {SubscriberId} with issuer {Issuer}")]
    private static partial void LogEnrolled(ILogger logger, string subscriberId, string issuer);

    [HttpPost("totp")]
    public async Task<ActionResult> EnrolAuthenticatorAsync(CancellationToken cancellationToken)
    {
        using var span = source.StartViewacctFlow("mfa_enrol").SetViewacctMfaMethod("totp");
        var user = await accounts.FindByIdAsync(HttpContext.User.SubjectId!);
        if (user is null)
        {
            return NotFound();
        }
        var secret = Base32(RandomNumberGenerator.GetBytes(20));
        var enrolment = new TotpEnrolment(user.Id, secret, $"otpauth://totp/StreamCo:{Uri.EscapeDataString(user.Email!)}?secret={secret}&issuer=StreamCo");
        LogEnrolled(logger, user.Id, "StreamCo"); // leak TC1001 cross-member
        logger.LogDebug("Enrolment URI {OtpAuthUri}", enrolment.OtpAuthUri); // leak TC1001 strings
        logger.LogDebug("Enrolment issued, secret of {SecretLength} characters", enrolment.SharedSecret.Length); // clean precision-about
        span.SetViewacctSubscriberId(pseudonymizer.PseudonymizeViewacctSubscriberId(user.Id)); // clean precision-pseudonym
        return Ok(enrolment.OtpAuthUri);
    }

    [HttpPost("email")]
    public async Task<ActionResult> ConfirmEmailChangeAsync([FromBody] EmailChange change, CancellationToken cancellationToken)
    {
        using var span = source.StartViewacctFlow("verify_email");
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["Flow"] = "email_change", ["UserAgent"] = HttpContext.RequestHeaders["User-Agent"] }); // clean precision-names
        var check = await challenges.CheckAsync(change.SubscriberId + ":" + change.NewEmail, change.Code, cancellationToken);
        if (check != CodeCheck.Valid)
        {
            logger.LogInformation("Email change refused ({Check}): {Change}", check, change); // leak TC1001 logging-objects
            span.SetViewacctOutcome(check.ToString()); // clean generated-api
            return BadRequest(check.ToString());
        }
        var sameDomain = string.Equals(change.OldEmail.Split('@')[^1], change.NewEmail.Split('@')[^1], StringComparison.OrdinalIgnoreCase);
        Activity.Current?.SetTag("viewacct.email_change.same_domain", sameDomain); // clean precision-about
        Activity.Current?.SetTag("viewacct.email_change.old", change.OldEmail); // leak TC1001 direct
        Activity.Current?.SetTag(ViewacctAttributes.AccountContact, change.NewEmail); // leak TC1001 generated-api
        Activity.Current?.SetTag("viewacct.email_change.digest", Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(change.NewEmail)))[..16]); // clean hashes
        var user = await accounts.FindByIdAsync(change.SubscriberId);
        if (user is not null)
        {
            user.Email = change.NewEmail;
            user.UserName = change.NewEmail;
            var stamp = await accounts.UpdateSecurityStampAsync(user);
            logger.LogInformation("Security stamp rotated: {Result}", stamp); // clean logging-objects
            logger.LogInformation("Sessions of {User} revoked after email change", user); // leak TC1001 logging-objects
        }
        return Ok();
    }

    private static string Base32(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').ToUpperInvariant();
}
