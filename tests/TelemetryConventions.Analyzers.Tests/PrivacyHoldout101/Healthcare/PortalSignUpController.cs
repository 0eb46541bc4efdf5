namespace PrivacyHoldout101.Healthcare;

/// <summary>The body of a portal sign-up: the hospital number and date of birth matched against the PAS, the email and a password.</summary>
public sealed record PortalSignUpRequest(string HospitalNumber, DateOnly DateOfBirth, string Email, string Password);

/// <summary>What the PAS match returns.</summary>
public sealed record PasMatch(bool Found, string? NhsNumber, string? RegisteredGpPractice);

public interface IPasLookup
{
    Task<PasMatch> MatchAsync(string hospitalNumber, DateOnly dateOfBirth, CancellationToken cancellationToken);
}

[ApiController]
[Route("portal/accounts")]
public sealed class PortalSignUpController(
    IAccountManager<AccountUser> accounts,
    IPasLookup pas,
    IAccountMessenger messenger,
    IdentityOptions options,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    ILogger<PortalSignUpController> logger) : ControllerBase
{
    [HttpPost("sign-up")]
    public async Task<ActionResult> SignUp([FromBody] PortalSignUpRequest request, CancellationToken cancellationToken)
    {
        using var span = source.StartPtacctFlow("sign_up").SetPtacctClientId(options.ClientId);
        span.SetPtacctPatientId(pseudonymizer.PseudonymizePtacctPatientId(request.HospitalNumber)); // clean precision-pseudonym
        logger.LogInformation("Portal sign-up started for {HospitalNumber}", request.HospitalNumber); // leak TC1001 direct
        Activity.Current?.SetTag("ptacct.email_domain", request.Email[(request.Email.IndexOf('@') + 1)..]); // clean precision-about

        var match = await pas.MatchAsync(request.HospitalNumber, request.DateOfBirth, cancellationToken);
        if (!match.Found)
        {
            logger.LogWarning("No PAS match for sign-up {Request}", request); // leak TC1001 logging-objects
            span.SetPtacctOutcome("no_match");
            return BadRequest("We could not match those details.");
        }
        Activity.Current?.SetTag("ptacct.pas.nhs_number", match.NhsNumber); // leak TC1001 cross-member
        Activity.Current?.SetTag("ptacct.pas.has_gp", match.RegisteredGpPractice is not null); // clean precision-about

        var user = new AccountUser { UserName = request.Email, Email = request.Email };
        var created = await accounts.CreateAsync(user, request.Password);
        if (!created.Succeeded)
        {
            logger.LogWarning("Sign-up refused: {Errors}", string.Join("; ", created.Errors.Select(e => e.Description))); // leak TC1001 strings
            logger.LogWarning("Sign-up refused with {Result}", created); // clean logging-objects
            span.SetPtacctOutcome("invalid").SetPtacctNote(created.Errors.First().Code); // clean generated-api
            return BadRequest(created.ToString());
        }

        var token = await accounts.GenerateEmailConfirmationTokenAsync(user);
        var link = $"{options.Authority}/portal/verify?uid={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";
        logger.LogDebug("Verification link {Link}", link); // leak TC1001 strings
        logger.LogDebug("Verification token issued, {Length} characters, template {EmailTemplateId}", token.Length, options.VerifyEmailTemplateId); // clean precision-names
        try
        {
            await messenger.SendEmailAsync(user.Email!, options.VerifyEmailTemplateId, new Dictionary<string, string> { ["link"] = link }, cancellationToken);
        }
        catch (RecipientRejectedException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogWarning("Verification mail refused, reason {Reason}", ex.Reason); // clean exceptions
        }
        span.SetPtacctOutcome("ok");
        return Ok(new { user.Id });
    }

    [HttpGet("verify")]
    public async Task<ActionResult> Verify(string uid, string token)
    {
        using var span = source.StartPtacctFlow("verify_email");
        var user = await accounts.FindByIdAsync(uid);
        if (user is null)
        {
            logger.LogInformation("Verification for unknown account {AccountId}", uid); // leak TC1001 direct
            return NotFound();
        }
        var result = await accounts.ConfirmEmailAsync(user, token);
        logger.LogInformation("Email verification {Outcome} for {User}", result, user); // leak TC1001 logging-objects
        Activity.Current?.SetTag("ptacct.verify.token_sha256", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)))); // leak TC1002 hashes
        Activity.Current?.SetTag("ptacct.verify.token_prefix", token[..4]); // clean precision-about
        span.SetPtacctOutcome(result.Succeeded ? "ok" : "invalid");
        return result.Succeeded ? Ok() : BadRequest(result.ToString());
    }
}
