namespace PrivacyHoldout104.Gaming;

/// <summary>
/// Studios pay for PlayStack's dashboard per developer seat. A studio owner invites developers; the
/// monthly run reports the seats to billing; a change of the studio's billing email goes to the customer.
/// </summary>
public sealed partial class StudioSeatService(
    ISeatLedger seats,
    IInvitationStore invitations,
    IInvitationMailer mailer,
    IBillingAccounts accounts,
    IUsageRecordService usage,
    ICustomerService customers,
    Pseudonymizer pseudonymizer,
    ILogger<StudioSeatService> logger)
{
    private static readonly ActivitySource Source = new("PlayStack.Studio");
    private static readonly Meter Meter = new("PlayStack.Studio");
    private static readonly PlaystackSeatsBilledCounter SeatsBilled = Meter.CreatePlaystackSeatsBilledCounter();

    [LoggerMessage(Level = LogLevel.Information, Message = "Developer {DeveloperEmail} invited to studio {StudioId} with role {Role}")]
    private partial void LogDeveloperInvited(string developerEmail, string studioId, string role);

    public async Task InviteDeveloperAsync(string studioId, string email, string role, string ownerUserId)
    {
        using var span = Source.StartPlaystackTenantAdmin(studioId);
        var invitation = new TenantInvitation($"inv_{Guid.NewGuid():N}", studioId, email, role, Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow.AddDays(7), ownerUserId);
        await invitations.SaveAsync(invitation);
        var link = $"https://dashboard.playstack.gg/studios/{studioId}/join?code={invitation.Token}";
        await mailer.SendAsync(email, "Join the studio on PlayStack", link);
        LogDeveloperInvited(email, studioId, role); // leak TC1001 direct
        span.SetPlaystackInvitationId(invitation.Id); // clean generated-api
        span.Activity?.SetTag("playstack.invitation.link", link); // leak TC1001 strings
        span.Activity?.SetTag("playstack.invitation.link_host", new Uri(link).Host); // clean precision-about
    }

    public async Task BillStudioAsync(string studioId)
    {
        using var span = Source.StartPlaystackTenantAdmin(studioId);
        var account = await accounts.ForTenantAsync(studioId);
        var active = await seats.ActiveSeatsAsync(studioId);
        var bySku = active.GroupBy(s => s.Sku).ToDictionary(g => g.Key, g => g.Count());
        logger.LogInformation("Studio {StudioId} seats by SKU {BySku}", studioId, bySku); // clean logging-objects
        var byDeveloper = active.GroupBy(s => s.Email).ToDictionary(g => g.Key, g => g.Count());
        logger.LogDebug("Seats per developer {ByDeveloper}", byDeveloper); // leak TC1001 logging-objects
        logger.LogDebug("Seats {Seats}", active); // leak TC1001 logging-objects
        span.Activity?.SetTag("playstack.seat.oldest_holder", active.MinBy(s => s.AssignedAt)?.Email); // leak TC1001 cross-member
        if (account is null)
        {
            return;
        }

        var record = await usage.CreateAsync(account.SubscriptionItemId, new UsageRecordCreateOptions { Quantity = active.Count, Timestamp = DateTime.UtcNow });
        span.SetPlaystackSeatCount(record.Quantity).SetPlaystackOutcome("billed"); // clean generated-api
        SeatsBilled.Add(record.Quantity, studioId, account.Plan); // clean generated-api
        SeatsBilled.Add(record.Quantity, studioId, account.Plan, pseudonymizer.ComputePlaystackUserId(active[0].UserId)); // leak TC1003 precision-pseudonym
    }

    public async Task ChangeBillingEmailAsync(string studioId, string customerId, string newEmail)
    {
        using var span = Source.StartPlaystackTenantAdmin(studioId);
        try
        {
            var customer = await customers.UpdateAsync(customerId, newEmail);
            span.Activity?.SetTag("playstack.billing.customer", customer.Id); // clean precision-names
            span.Activity?.SetTag("playstack.billing.contact_name", customer.Name); // leak TC1001 cross-member
        }
        catch (StripeException ex) when (ex.StripeError.Param == "email")
        {
            span.RecordException(ex).SetPlaystackOutcome("invalid_email"); // clean exceptions
            logger.LogWarning("Billing email {Email} refused by billing ({Code})", newEmail, ex.StripeError.Code); // leak TC1001 direct
        }
    }
}
