namespace PrivacyHoldout101.Healthcare;

/// <summary>The portal's session after NHS login: the account, the tokens and the proofing level.</summary>
public sealed record PortalSession(string SessionId, string AccountId, string NhsNumber, string IdentityLevel, DateTimeOffset ExpiresAt);

public interface IPortalSessionStore
{
    Task<PendingAuthorization?> TakePendingAsync(string state, CancellationToken cancellationToken);

    Task SaveAsync(PortalSession session, TokenResponse tokens, CancellationToken cancellationToken);

    Task<(PortalSession Session, string RefreshToken)?> FindAsync(string sessionId, CancellationToken cancellationToken);
}

/// <summary>NHS login (OpenID Connect) callbacks, token refresh, consent to share records with a carer and erasure of a closed account.</summary>
public static class NhsLoginCallbackEndpoints
{
    public static void Map(EndpointRoutes routes)
    {
        routes.MapGet("/portal/signin-nhs", CallbackAsync);
        routes.MapPost("/portal/session/refresh", RefreshAsync);
        routes.MapPost("/portal/consents", RecordConsentAsync);
        routes.MapPost("/portal/erasure", EraseAsync);
    }

    private static async Task<ActionResult> CallbackAsync(
        AuthorizationCallback callback, IPortalSessionStore sessions, IOidcClient oidc, IAccountManager<AccountUser> accounts,
        Pseudonymizer pseudonymizer, ActivitySource source, ILogger<PortalSession> logger, CancellationToken cancellationToken)
    {
        using var span = source.StartPtacctFlow("sso_callback").SetPtacctIdp("nhs_login");
        Activity.Current?.SetTag("ptacct.oidc.iss", callback.Iss); // clean precision-names
        if (callback.Error is not null)
        {
            logger.LogWarning("NHS login returned {Error} to {Callback}", callback.Error, "/portal/signin-nhs"); // clean strings
            span.SetPtacctOutcome("denied");
            return BadRequest(callback.Error);
        }

        var pending = await sessions.TakePendingAsync(callback.State, cancellationToken);
        if (pending is null)
        {
            logger.LogWarning("Callback with unknown state {State}", callback.State); // clean precision-names
            return BadRequest("state");
        }
        logger.LogDebug("Pending authorization {Pending}", pending); // leak TC1001 logging-objects

        TokenResponse tokens;
        try
        {
            tokens = await oidc.RedeemCodeAsync(callback.Code!, pending.CodeVerifier, cancellationToken);
        }
        catch (OidcProtocolException ex)
        {
            span.RecordException(ex, includeMessage: true).SetPtacctOutcome(ex.Error); // clean exceptions
            return BadRequest(ex.Error);
        }
        Activity.Current?.SetTag("ptacct.oidc.expires_in", tokens.ExpiresIn); // clean precision-about
        logger.LogDebug("Token response {@Tokens}", tokens); // leak TC1001 logging-objects

        IdTokenClaims claims;
        try
        {
            claims = oidc.ValidateIdToken(tokens.IdToken!, pending.Nonce);
        }
        catch (IdTokenValidationException ex)
        {
            logger.LogWarning(ex, "NHS login id token rejected"); // clean exceptions
            return BadRequest(ex.Check);
        }

        Activity.Current?.SetTag("enduser.id", claims.Subject); // leak TC1001 direct
        Activity.Current?.SetTag("ptacct.oidc.amr", string.Join(' ', claims.AuthenticationMethods)); // clean precision-about
        Activity.Current?.SetTag("ptacct.oidc.acr", claims.Acr); // clean precision-names
        span.SetPtacctPatientId(pseudonymizer.PseudonymizePtacctPatientId(claims.Subject)); // clean precision-pseudonym

        var login = new ExternalLogin("nhs_login", claims.Subject, "NHS login");
        var user = await accounts.FindByLoginAsync(login.LoginProvider, login.ProviderKey);
        if (user is null)
        {
            logger.LogInformation("First NHS login for {Login}", login); // leak TC1001 logging-objects
            return NotFound("link");
        }
        var session = new PortalSession(Guid.NewGuid().ToString("N"), user.Id, claims.PreferredUsername ?? string.Empty, claims.Acr ?? "P0", claims.ExpiresAt);
        await sessions.SaveAsync(session, tokens, cancellationToken);
        logger.LogInformation("Portal session {SessionId} started at level {IdentityLevel}", session.SessionId, session.IdentityLevel); // clean precision-names
        Activity.Current?.SetBaggage("ptacct.account", session.AccountId); // leak TC1001 cross-member
        return Ok(new { session.SessionId });
    }

    private static async Task<ActionResult> RefreshAsync(
        string sessionId, IPortalSessionStore sessions, IOidcClient oidc, ActivitySource source, ILogger<PortalSession> logger, CancellationToken cancellationToken)
    {
        using var span = source.StartPtacctFlow("refresh").SetPtacctIdp("nhs_login");
        var found = await sessions.FindAsync(sessionId, cancellationToken);
        if (found is not { } entry)
        {
            return NotFound();
        }
        try
        {
            var tokens = await oidc.RefreshAsync(entry.RefreshToken, cancellationToken);
            await sessions.SaveAsync(entry.Session, tokens, cancellationToken);
            span.SetPtacctOutcome("ok").SetPtacctNote($"session {sessionId} refreshed, expires in {tokens.ExpiresIn}s"); // clean generated-api
        }
        catch (OidcProtocolException ex) when (ex.Error == "invalid_grant")
        {
            logger.LogWarning("Refresh token {RefreshToken} rejected for session {SessionId}", entry.RefreshToken, sessionId); // leak TC1001 cross-member
            span.SetPtacctOutcome("expired");
            return BadRequest("reauthenticate");
        }
        return Ok();
    }

    private static async Task<ActionResult> RecordConsentAsync(
        string accountId, string purpose, bool granted, IConsentLedger ledger, Pseudonymizer pseudonymizer, ActivitySource source, ILogger<PortalSession> logger, CancellationToken cancellationToken)
    {
        using var span = source.StartPtacctFlow("consent");
        var record = await ledger.RecordAsync(accountId, purpose, granted, "portal", cancellationToken);
        span.SetPtacctRequestId(record.ConsentId.ToString()).SetPtacctOutcome(granted ? "granted" : "withdrawn"); // clean generated-api
        logger.LogInformation("Consent recorded {Consent}", record); // leak TC1001 logging-objects
        logger.LogInformation("Consent {ConsentId} for {Purpose} under policy {PolicyVersion}", record.ConsentId, record.Purpose, record.PolicyVersion); // clean logging-objects
        logger.LogInformation("Consent by {Subject}", pseudonymizer.ComputePtacctPatientId(record.SubjectId)); // clean precision-pseudonym
        return Ok(record.ConsentId);
    }

    private static async Task<ActionResult> EraseAsync(
        ErasureRequest request, IErasureFanOut fanOut, ActivitySource source, ILogger<PortalSession> logger, CancellationToken cancellationToken)
    {
        using var span = source.StartPtacctFlow("erasure").SetPtacctRequestId(request.RequestId);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ErasureRequest"] = request.RequestId, ["Subject"] = request.SubjectId }); // leak TC1001 logging-objects
        try
        {
            var receipts = await fanOut.EraseAsync(request, cancellationToken);
            logger.LogInformation("Erasure receipts {Receipts}", string.Join(", ", receipts.Select(r => $"{r.System}:{r.RowsDeleted}"))); // clean strings
        }
        catch (ErasureDeferredException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            span.SetPtacctOutcome("deferred");
        }
        return Ok(request.RequestId);
    }

    private static ActionResult Ok(object? value = null) => new OkResult(value);

    private static ActionResult NotFound(string? detail = null) => new NotFoundResult(detail);

    private static ActionResult BadRequest(string? detail = null) => new BadRequestResult(detail);
}
