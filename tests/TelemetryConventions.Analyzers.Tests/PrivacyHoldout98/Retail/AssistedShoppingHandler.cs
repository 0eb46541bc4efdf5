namespace PrivacyHoldout98.Retail;

/// <summary>
/// The e-commerce back office's assisted shopping: a contact-centre operator logs in as the customer to finish an
/// order on the phone, applies a goodwill voucher, and the handler records what was done on whose behalf.
/// </summary>
public sealed class AssistedShoppingHandler(
    IImpersonationService impersonation,
    IAdminAuditLog audit,
    Pseudonymizer pseudonymizer,
    ILogger<AssistedShoppingHandler> logger)
{
    private static readonly ActivitySource Source = new("Shop.BackOffice.Assisted");
    private static readonly Meter Meter = new("Shop.BackOffice.Assisted");
    private static readonly Counter<long> Vouchers = Meter.CreateCounter<long>("backoffice.goodwill.vouchers");
    private readonly ShopadminAdminActionsCounter _actions = Meter.CreateShopadminAdminActionsCounter();

    public async Task<Guid> StartAsync(StaffPrincipal operatorPrincipal, string customerNumber, string customerEmail, string callId)
    {
        using var span = Source.StartShopadminImpersonation("phone_order").SetShopadminCaseId(callId); // clean generated-api
        span.SetShopadminCustomerId(pseudonymizer.PseudonymizeShopadminCustomerId(customerNumber)); // clean precision-pseudonym
        span.SetShopadminOperatorId(pseudonymizer.PseudonymizeShopadminOperatorId(operatorPrincipal.StaffId)); // clean precision-pseudonym
        span.Activity?.SetTag("backoffice.assisted.customer_email", customerEmail); // leak TC1001 direct
        span.Activity?.SetTag("backoffice.assisted.email_domain", customerEmail.Split('@')[1]); // clean precision-about

        var session = await impersonation.StartAsync(operatorPrincipal, new ImpersonationRequest(customerNumber, "phone_order", callId));
        span.SetShopadminSessionId(session.SessionId.ToString()); // clean precision-names
        span.SetShopadminNote($"operator {operatorPrincipal.StaffId} acting as {customerNumber}"); // leak TC1001 generated-api
        logger.LogInformation("Assisted session {SessionId} for call {CallId}", session.SessionId, callId); // clean precision-names
        logger.LogInformation("Assisted session claims {@Claims}", session.Claims); // leak TC1001 logging-objects
        OpenTelemetry.Baggage.SetBaggage("shop.on_behalf_of", customerNumber); // leak TC1001 direct
        OpenTelemetry.Baggage.SetBaggage("shop.on_behalf_of", pseudonymizer.ComputeShopadminCustomerId(customerNumber)); // clean precision-pseudonym
        return session.SessionId;
    }

    public async Task GoodwillAsync(StaffPrincipal operatorPrincipal, ImpersonationSession session, decimal amount, string reasonCode)
    {
        using var span = Source.StartShopadminAdminAction("goodwill_voucher", "order");
        span.Activity?.SetTag("backoffice.goodwill.amount", amount); // clean precision-about
        span.Activity?.SetTag("backoffice.goodwill.reason", reasonCode); // clean precision-names
        Vouchers.Add(1, new KeyValuePair<string, object?>("reason", reasonCode), new KeyValuePair<string, object?>("band", amount >= 20m ? "high" : "low")); // clean precision-names
        Vouchers.Add(1, new KeyValuePair<string, object?>("operator", pseudonymizer.ComputeShopadminOperatorId(operatorPrincipal.StaffId))); // leak TC1003 precision-pseudonym

        if (!operatorPrincipal.IsInRole("goodwill_approver") && amount > 50m)
        {
            var forbidden = new AdminForbiddenException("goodwill.over_50");
            span.RecordException(forbidden, includeMessage: true); // clean exceptions
            logger.LogShopadminAdminDeniedEvent("goodwill_voucher", "forbidden", shopadminCustomerId: pseudonymizer.PseudonymizeShopadminCustomerId(session.TargetId), shopadminNote: forbidden.Permission); // clean generated-api
            _actions.Add(1, "goodwill_voucher", "forbidden"); // clean generated-api
            return;
        }

        var entry = new AdminAuditEntry(Guid.NewGuid(), "goodwill_voucher", operatorPrincipal.Upn, "customer", session.TargetId, DateTimeOffset.UtcNow) { ImpersonationSessionId = session.SessionId };
        await audit.AppendAsync(entry);
        logger.LogInformation("Goodwill voucher {Amount} issued: {Audit}", amount, entry); // leak TC1001 logging-objects
        logger.LogInformation("Goodwill voucher issued: {Audit}", entry with { ActorUpn = pseudonymizer.ComputeShopadminOperatorId(operatorPrincipal.StaffId), TargetId = pseudonymizer.ComputeShopadminCustomerId(session.TargetId) }); // clean precision-pseudonym
        logger.LogInformation("Voucher issued in session started by {Operator}", session.Operator); // leak TC1001 cross-member
    }
}
