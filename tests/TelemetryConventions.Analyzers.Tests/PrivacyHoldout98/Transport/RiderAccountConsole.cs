namespace PrivacyHoldout98.Transport;

/// <summary>
/// The fares back office's rider console: an agent finds a rider by travel-card number or email, logs in as the
/// rider to see their journeys and caps, and merges a replacement card into the account.
/// </summary>
public sealed partial class RiderAccountConsole(
    ISupportDirectory directory,
    IImpersonationService impersonation,
    IAdminAuditLog audit,
    Pseudonymizer pseudonymizer,
    ILogger<RiderAccountConsole> logger)
{
    private static readonly ActivitySource Source = new("Transit.Fares.Console");
    private static readonly Meter Meter = new("Transit.Fares.Console");
    private static readonly Counter<long> CardMerges = Meter.CreateCounter<long>("fares.console.card_merges");

    public async Task<SearchHit?> FindByCardAsync(StaffPrincipal agent, string cardNumber)
    {
        using var span = Source.StartFaresadminAdminAction("lookup", "card");
        span.Activity?.SetTag("fares.lookup.card", cardNumber); // leak TC1001 direct
        span.Activity?.SetTag("fares.lookup.card_last4", cardNumber[^4..]); // clean precision-about
        span.Activity?.SetTag("fares.lookup.card_scheme", cardNumber.StartsWith("633597", StringComparison.Ordinal) ? "itso" : "emv"); // clean precision-about
        var hits = await directory.SearchAsync(new CustomerSearch(cardNumber, "card_number", Limit: 1));
        LogLookup(logger, agent.StaffId, cardNumber); // leak TC1001 cross-member
        LogLookupRedacted(logger, agent.StaffId, cardNumber); // clean logging-objects
        var rider = hits.FirstOrDefault();
        if (rider is not null)
        {
            span.SetFaresadminRiderId(pseudonymizer.PseudonymizeFaresadminRiderId(rider.RecordId)); // clean precision-pseudonym
            span.Activity?.SetTag("fares.lookup.rider_name", rider.DisplayName); // leak TC1001 cross-member
        }
        return rider;
    }

    public async Task LoginAsAsync(StaffPrincipal agent, string riderAccountId, string reasonCode, string? justification)
    {
        using var span = Source.StartFaresadminImpersonation(reasonCode);
        span.SetFaresadminRiderId(pseudonymizer.PseudonymizeFaresadminRiderId(riderAccountId)); // clean precision-pseudonym
        span.SetFaresadminOperatorId(pseudonymizer.PseudonymizeFaresadminOperatorId(agent.StaffId)); // clean precision-pseudonym
        try
        {
            var session = await impersonation.StartAsync(agent, new ImpersonationRequest(riderAccountId, reasonCode, null, justification));
            logger.LogInformation("Login-as rider {RiderAccountId} by {AgentName}", riderAccountId, agent.DisplayName); // leak TC1001 direct
            logger.LogInformation("Login-as session {SessionId} for {Minutes} minutes", session.SessionId, (session.ExpiresAt - session.StartedAt).TotalMinutes); // clean precision-about
            span.SetFaresadminNote(session.Justification ?? "no justification"); // leak TC1001 generated-api
            span.Activity?.SetTag("fares.login_as.has_justification", session.Justification is not null); // clean precision-about
        }
        catch (ImpersonationDeniedException ex)
        {
            span.RecordException(ex, "login-as refused", includeMessage: true); // leak TC1001 exceptions
            span.SetFaresadminOutcome("denied").SetFaresadminReasonCode(ex.Rule); // clean exceptions
            logger.LogFaresadminAdminDeniedEvent("impersonate", "denied", faresadminNote: ex.GetType().Name); // clean exceptions
        }
    }

    public async Task MergeCardAsync(StaffPrincipal agent, string riderAccountId, string oldCard, string newCard)
    {
        using var span = Source.StartFaresadminAdminAction("card_merge", "card");
        var change = new FieldChange("card_number", oldCard, newCard);
        await audit.AppendAsync(new AdminAuditEntry(Guid.NewGuid(), "card_merge", agent.Upn, "rider", riderAccountId, DateTimeOffset.UtcNow) { Changes = [change] });
        span.Activity?.AddEvent(new ActivityEvent("card.merged", tags: new ActivityTagsCollection { ["old_card"] = oldCard, ["new_card"] = newCard })); // leak TC1001 direct
        span.Activity?.AddEvent(new ActivityEvent("card.merged", tags: new ActivityTagsCollection { ["field"] = change.Field, ["rider.hashed"] = pseudonymizer.ComputeFaresadminRiderId(riderAccountId) })); // clean precision-pseudonym
        logger.LogInformation("Card merged: {Change}", change); // leak TC1001 logging-objects
        CardMerges.Add(1, new KeyValuePair<string, object?>("agent", agent.StaffId)); // leak TC1003 direct
        CardMerges.Add(1, new KeyValuePair<string, object?>("card_type", newCard.Length == 18 ? "itso" : "emv")); // clean precision-names
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Agent {AgentStaffId} looked up card {CardNumber}")]
    private static partial void LogLookup(ILogger logger, string agentStaffId, string cardNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Agent {AgentStaffId} looked up card {CardNumber}")]
    private static partial void LogLookupRedacted(ILogger logger, [PrivateData] string agentStaffId, [PrivateData] string cardNumber);
}
