namespace PrivacyHoldout101.Retail;

/// <summary>A magic link: the one-time token and the address it was mailed to.</summary>
public sealed record MagicLink(string LinkId, string Email, string Token, DateTimeOffset ExpiresAt)
{
    public string Url(string baseUrl) => $"{baseUrl}/signin/magic?t={Token}";
}

public interface IMagicLinkStore
{
    Task<MagicLink> IssueAsync(string email, CancellationToken cancellationToken);

    Task<MagicLink?> RedeemAsync(string token, CancellationToken cancellationToken);
}

/// <summary>Password-less sign-in with emailed links, passkey assertions and password reset for the shop.</summary>
public static class MagicLinkSignIn
{
    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/signin/magic", SendAsync);
        routes.MapGet("/signin/magic", RedeemAsync);
        routes.MapPost("/signin/passkey", PasskeyAsync);
    }

    private static async Task<ActionResult> SendAsync(
        string email, IMagicLinkStore links, IAccountMessenger messenger, IdentityOptions options, ActivitySource source, ILogger<MagicLink> logger, CancellationToken cancellationToken)
    {
        using var span = source.StartShopacctFlow("magic_link");
        var link = await links.IssueAsync(email, cancellationToken);
        span.SetShopacctChallengeId(link.LinkId); // clean generated-api
        logger.LogInformation("Magic link {LinkId} issued, valid until {ExpiresAt}", link.LinkId, link.ExpiresAt); // clean precision-names
        logger.LogDebug("Magic link {Url}", link.Url(options.Authority)); // leak TC1001 strings
        try
        {
            await messenger.SendEmailAsync(email, "tpl-magic-link", new Dictionary<string, string> { ["url"] = link.Url(options.Authority) }, cancellationToken);
        }
        catch (RecipientRejectedException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Magic link mail refused: {Reason}", ex.Reason); // clean exceptions
        }
        return Ok();
    }

    private static async Task<ActionResult> RedeemAsync(
        string t, IMagicLinkStore links, ISignInManager<AccountUser> signIn, IAccountManager<AccountUser> accounts, Pseudonymizer pseudonymizer, ActivitySource source, ILogger<MagicLink> logger, CancellationToken cancellationToken)
    {
        using var span = source.StartShopacctFlow("magic_link_redeem");
        var link = await links.RedeemAsync(t, cancellationToken);
        if (link is null)
        {
            logger.LogInformation("Unknown or used magic link token {Token}", t); // leak TC1001 direct
            span.SetShopacctOutcome("invalid"); // clean generated-api
            return BadRequest();
        }
        var user = await accounts.FindByEmailAsync(link.Email);
        if (user is null)
        {
            logger.LogWarning("Magic link {Link} for an address without an account", link); // leak TC1001 logging-objects
            return NotFound();
        }
        await signIn.SignInAsync(user, isPersistent: true);
        span.SetShopacctCustomerId(pseudonymizer.PseudonymizeShopacctCustomerId(user.Id)).SetShopacctOutcome("ok"); // clean precision-pseudonym
        logger.LogInformation("Signed in by magic link after {Seconds:F0}s", (DateTimeOffset.UtcNow - (link.ExpiresAt - TimeSpan.FromMinutes(15))).TotalSeconds); // clean precision-about
        return Ok();
    }

    private static async Task<ActionResult> PasskeyAsync(
        string credentialId, string userHandle, string authenticatorAaguid, ActivitySource source, ILogger<MagicLink> logger)
    {
        using var span = source.StartShopacctFlow("passkey").SetShopacctMfaMethod("passkey");
        Activity.Current?.SetTag("shopacct.passkey.aaguid", authenticatorAaguid); // clean precision-names
        Activity.Current?.SetTag("shopacct.passkey.user_handle", userHandle); // leak TC1001 direct
        logger.LogDebug("Passkey assertion with credential {CredentialId}", credentialId); // leak TC1001 direct
        await Task.Yield();
        return Ok();
    }

    private static ActionResult Ok(object? value = null) => new OkResult(value);

    private static ActionResult NotFound(string? detail = null) => new NotFoundResult(detail);

    private static ActionResult BadRequest(string? detail = null) => new BadRequestResult(detail);
}
