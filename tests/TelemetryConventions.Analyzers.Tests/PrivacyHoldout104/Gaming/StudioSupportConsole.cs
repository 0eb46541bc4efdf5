namespace PrivacyHoldout104.Gaming;

/// <summary>
/// PlayStack's support team looks up a player inside a studio's title when the studio has granted access
/// on a ticket (a ban appeal, a lost purchase), and runs the studio's offboarding when it leaves.
/// </summary>
public sealed class StudioSupportConsole(
    ISupportAccessStore grants,
    ITenantPurger purger,
    Pseudonymizer pseudonymizer,
    ILogger<StudioSupportConsole> logger)
{
    private static readonly ActivitySource Source = new("PlayStack.Support");
    private static readonly Meter Meter = new("PlayStack.Support");
    private static readonly Counter<long> Lookups = Meter.CreateCounter<long>("playstack.support.lookups");

    public async Task LookupPlayerAsync(string titleId, string agentEmail, string ticketId, string playerId)
    {
        using var span = Source.StartPlaystackTenantAdmin(titleId);
        var grant = await grants.ActiveGrantAsync(titleId, agentEmail);
        if (grant is null)
        {
            var denied = new SupportAccessDeniedException(agentEmail, titleId);
            logger.LogWarning("Lookup refused: {Reason}", denied.Message); // leak TC1001 exceptions
            span.SetStatus(ActivityStatusCode.Error, nameof(SupportAccessDeniedException)); // clean exceptions
            return;
        }

        span.SetPlaystackSupportGrantId(grant.GrantId).SetPlaystackPlayerId(pseudonymizer.PseudonymizePlaystackPlayerId(playerId)); // clean generated-api
        Lookups.Add(1, new KeyValuePair<string, object?>("playstack.tenant.id", titleId), new KeyValuePair<string, object?>("scope", grant.Scope)); // clean precision-names
        Lookups.Add(1, new KeyValuePair<string, object?>("agent", agentEmail)); // leak TC1003 direct
        logger.LogInformation("Player {PlayerId} opened on ticket {TicketId}", playerId, ticketId); // leak TC1001 direct
        logger.LogInformation("Player {PlayerRef} opened on ticket {TicketId}", pseudonymizer.ComputePlaystackPlayerId(playerId), ticketId); // clean precision-pseudonym
        Baggage.SetBaggage("playstack.player", pseudonymizer.ComputePlaystackPlayerId(playerId)); // clean precision-pseudonym
        span.SetPlaystackPlayerId(Pseudonym.FromComputed(playerId)); // leak TC1001 precision-pseudonym
        Baggage.SetBaggage("playstack.support.agent", agentEmail); // leak TC1001 direct
    }

    public async Task OffboardStudioAsync(OffboardingRequest request, CancellationToken cancellationToken)
    {
        using var span = Source.StartPlaystackTenantAdmin(request.TenantId, "playstack.studio.offboard");
        span.Activity?.SetTag("playstack.offboarding.retain_until", request.RetainUntil.ToString("yyyy-MM-dd")); // clean precision-names
        using var scope = logger.BeginScope("Offboarding {RequestId} for {StudioId}", request.RequestId, request.TenantId); // clean precision-names
        try
        {
            var result = await purger.PurgeAsync(request.TenantId, cancellationToken);
            span.SetPlaystackOutcome("purged").SetPlaystackNote($"rows={result.RowsDeleted} blobs={result.BlobsDeleted}"); // clean generated-api
        }
        catch (PurgeStepFailedException failed)
        {
            span.RecordException(failed, includeMessage: true); // clean exceptions
            logger.LogError(failed.InnerException, "Purge step {Step} failed", failed.Step); // clean exceptions
        }
    }
}
