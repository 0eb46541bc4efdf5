namespace PrivacyHoldout104.Transport;

/// <summary>
/// Operators pay per dispatcher and planner seat. An operator's admin invites dispatchers; each month the
/// seats per depot are reported to billing; a dispatcher moving to another operator (a tender change)
/// keeps their login but takes a seat at the new operator.
/// </summary>
public sealed partial class DispatcherSeatService(
    IInvitationStore invitations,
    IInvitationMailer mailer,
    ISeatLedger seats,
    IBillingAccounts accounts,
    IUsageRecordService usage,
    Pseudonymizer pseudonymizer,
    ILogger<DispatcherSeatService> logger)
{
    private static readonly ActivitySource Source = new("FleetDesk.Seats");
    private static readonly Meter Meter = new("FleetDesk.Seats");
    private static readonly FleetdeskSeatsBilledCounter SeatsBilled = Meter.CreateFleetdeskSeatsBilledCounter();

    [LoggerMessage(Level = LogLevel.Information, Message = "Dispatcher {DispatcherEmail} moved from {FromOperator} to {ToOperator}")]
    private partial void LogMoved([PrivateData] string dispatcherEmail, string fromOperator, string toOperator);

    public async Task InviteDispatcherAsync(string operatorId, string email, string depot, string adminUserId)
    {
        using var span = Source.StartFleetdeskTenantAdmin(operatorId);
        var invitation = new TenantInvitation($"inv_{Guid.NewGuid():N}", operatorId, email, $"dispatcher:{depot}", Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow.AddDays(5), adminUserId);
        await invitations.SaveAsync(invitation);
        try
        {
            await mailer.SendAsync(email, "FleetDesk dispatcher access", $"https://fleetdesk.app/o/{operatorId}/accept/{invitation.Token}");
            span.SetFleetdeskInvitationId(invitation.Id).SetFleetdeskOutcome("sent"); // clean generated-api
            span.Activity?.SetTag("fleetdesk.invitation.depot", depot); // clean precision-names
        }
        catch (MailboxUnavailableException bounced)
        {
            logger.LogWarning(bounced, "Invitation {InvitationId} bounced", invitation.Id); // leak TC1001 exceptions
            span.Activity?.SetTag("fleetdesk.invitation.bounced_domain", email.Split('@')[1]); // clean precision-about
        }
    }

    public async Task MoveDispatcherAsync(string userId, string email, string fromOperator, string toOperator)
    {
        using var span = Source.StartFleetdeskTenantAdmin(toOperator);
        var seat = await seats.AssignAsync(toOperator, userId, email, "dispatcher");
        LogMoved(email, fromOperator, toOperator); // clean logging-objects
        span.SetFleetdeskUserId(pseudonymizer.PseudonymizeFleetdeskUserId(userId)).SetFleetdeskSeatCount(1); // clean precision-pseudonym
        span.Activity?.SetTag("fleetdesk.seat.assigned_at", seat.AssignedAt.ToUnixTimeSeconds()); // clean precision-about
        span.Activity?.SetTag("fleetdesk.seat.holder", seat.UserId); // leak TC1001 cross-member
    }

    public async Task BillOperatorAsync(string operatorId)
    {
        using var span = Source.StartFleetdeskTenantAdmin(operatorId);
        var active = await seats.ActiveSeatsAsync(operatorId);
        var perSku = active.GroupBy(s => s.Sku).Select(g => $"{g.Key}={g.Count()}");
        span.Activity?.SetTag("fleetdesk.seats.per_sku", string.Join(";", perSku)); // clean strings
        span.Activity?.SetTag("fleetdesk.seats.holders", string.Join(";", active.Select(s => $"{s.Sku}:{s.Email}"))); // leak TC1001 strings
        var account = await accounts.ForTenantAsync(operatorId);
        if (account is null)
        {
            logger.LogWarning("Operator {OperatorId} has no billing account", operatorId); // clean precision-names
            return;
        }

        try
        {
            var record = await usage.CreateAsync(account.SubscriptionItemId, new UsageRecordCreateOptions { Quantity = active.Count, Timestamp = DateTime.UtcNow });
            SeatsBilled.Add(record.Quantity, operatorId, account.Plan, "billed"); // clean generated-api
            span.Activity?.AddEvent(new ActivityEvent("fleetdesk.usage.reported", tags: new ActivityTagsCollection { ["usage_record"] = record.Id, ["subscription_item"] = record.SubscriptionItem })); // clean precision-names
        }
        catch (StripeException ex)
        {
            span.RecordException(ex, includeMessage: true).SetFleetdeskOutcome(ex.StripeError.Code ?? "error"); // clean exceptions
        }
    }
}
