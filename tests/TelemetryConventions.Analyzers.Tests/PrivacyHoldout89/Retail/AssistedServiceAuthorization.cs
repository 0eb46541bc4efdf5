namespace PrivacyHoldout89.Retail;

/// <summary>
/// A store associate helping a customer at the till or on the floor. The customer shows a six-digit
/// code from their app, which opens an assisted session limited to the scopes they approved.
/// A record: prints its members.
/// </summary>
public sealed record AssistedSession(
    string SessionId,
    string CustomerNumber,
    string AssociateStaffNumber,
    string StoreId,
    IReadOnlyList<string> Scopes,
    DateTimeOffset ExpiresAt);

public sealed record ActOnBehalfRequirement(string Scope) : IAuthorizationRequirement;

public interface IAssistedSessions
{
    Task<AssistedSession?> RedeemAsync(string code, string associateStaffNumber, string storeId, CancellationToken cancellationToken);

    Task<AssistedSession?> FindAsync(string sessionId, CancellationToken cancellationToken);
}

/// <summary>Thrown when a code does not match an open request. Quotes the code the associate typed.</summary>
public sealed class AssistCodeRejectedException(string code, string storeId) : Exception($"Assist code {code} rejected at store {storeId}")
{
    public string StoreId { get; } = storeId;
}

/// <summary>Opens assisted sessions and authorises what the associate does inside one.</summary>
public sealed class AssistedServiceController(IAssistedSessions sessions, ActivitySource source, ILogger<AssistedServiceController> logger, Pseudonymizer pseudonymizer) : AuthorizedController
{
    [HttpPost("/assist/sessions")]
    [Authorize(Roles = "store_associate")]
    public async Task<ActionResult> Open(string code)
    {
        var staffNumber = User.FindFirstValue("staff_number")!;
        var storeId = User.FindFirstValue("store_id")!;
        using var span = source.StartShopauthzAuthorize("AssistedSession");
        span.SetShopauthzAccessMode("consent").SetShopauthzOperation("open_session");
        span.SetShopauthzActorId(pseudonymizer.PseudonymizeShopauthzActorId(staffNumber)); // clean precision-pseudonym
        try
        {
            var session = await sessions.RedeemAsync(code, staffNumber, storeId, Context.RequestAborted) ?? throw new AssistCodeRejectedException(code, storeId);
            span.SetShopauthzDecision("allow");
            span.SetShopauthzGrantId(session.SessionId); // clean precision-names
            span.SetShopauthzSubjectId(pseudonymizer.PseudonymizeShopauthzSubjectId(session.CustomerNumber)); // clean precision-pseudonym
            Activity.Current!.DisplayName = $"assist {session.AssociateStaffNumber} for {session.CustomerNumber}"; // leak TC1001 strings
            Activity.Current?.SetTag("shop.assist.summary", $"store {session.StoreId}: {session.Scopes.Count} scopes approved"); // clean strings
            logger.LogInformation("Assisted session opened at {Store} with scopes {Scopes}, valid {Minutes} min", session.StoreId, session.Scopes, (session.ExpiresAt - DateTimeOffset.UtcNow).TotalMinutes); // clean precision-names
            logger.LogInformation("Assisted session opened: {Session}", session); // leak TC1001 logging-objects
            return Ok(new { session.SessionId });
        }
        catch (AssistCodeRejectedException ex)
        {
            span.SetShopauthzDecision("deny").SetShopauthzReason("code_rejected");
            logger.LogWarning(ex, "Assist code rejected"); // leak TC1001 exceptions
            logger.LogWarning("Assist code rejected at {Store} ({Length} digits typed)", ex.StoreId, code.Length); // clean precision-about
            return BadRequest("code_rejected");
        }
    }
}

/// <summary>Checks each action an associate takes inside an assisted session against the scopes the customer approved.</summary>
public sealed class ActOnBehalfHandler(IAssistedSessions sessions, ILogger<ActOnBehalfHandler> logger, Meter meter)
    : AuthorizationHandler<ActOnBehalfRequirement>
{
    private readonly Counter<long> _actions = meter.CreateCounter<long>("shopauthz.assisted.actions", "{action}");

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ActOnBehalfRequirement requirement)
    {
        var sessionId = context.User.FindFirstValue("assist_session");
        if (sessionId is null)
        {
            return;
        }
        var session = await sessions.FindAsync(sessionId, CancellationToken.None);
        if (session is null || session.ExpiresAt < DateTimeOffset.UtcNow)
        {
            logger.LogInformation("Assisted session {SessionId} missing or expired", sessionId); // clean precision-names
            context.Fail(new AuthorizationFailureReason(this, "session_expired"));
            return;
        }

        var allowed = session.Scopes.Contains(requirement.Scope);
        _actions.Add(1, new KeyValuePair<string, object?>("scope", requirement.Scope), new KeyValuePair<string, object?>("store", session.StoreId), new KeyValuePair<string, object?>("allowed", allowed)); // clean precision-names
        _actions.Add(1, new KeyValuePair<string, object?>("associate", session.AssociateStaffNumber)); // leak TC1003 direct
        if (allowed)
        {
            context.Succeed(requirement);
            return;
        }
        Activity.Current?.AddEvent(new ActivityEvent("assist.scope.refused", tags: new ActivityTagsCollection { ["scope"] = requirement.Scope, ["session"] = session.SessionId, ["customer"] = session.CustomerNumber })); // leak TC1001 direct
        context.Fail(new AuthorizationFailureReason(this, $"scope {requirement.Scope} not approved by customer {session.CustomerNumber}"));
    }
}
