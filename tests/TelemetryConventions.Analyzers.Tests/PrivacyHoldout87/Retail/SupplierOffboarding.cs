namespace PrivacyHoldout87.Retail;

/// <summary>
/// When a supplier is delisted its tenant is wound down: every user loses their seat and
/// membership and is told by email, and the supplier's admin is sent the tenant export.
/// </summary>
public sealed partial class SupplierOffboarding(ITenantStore tenants, IMailer mailer, Pseudonymizer pseudonymizer, ILogger<SupplierOffboarding> logger)
{
    private static readonly ActivitySource Source = new("Supplier.Tenancy.Offboarding");
    private static readonly Meter Meter = new("Supplier.Tenancy.Offboarding");
    private static readonly Counter<long> Offboarded = Meter.CreateCounter<long>("supplier.offboarded.members", "{member}");

    private readonly List<string> _notifyFailures = new();

    public async Task OffboardAsync(Tenant supplier, string reasonCode, CancellationToken ct)
    {
        using var activity = Source.StartActivity("supplier.offboard");
        activity?.SetTag("supplier.id", supplier.TenantId); // clean precision-about
        activity?.SetTag("supplier.name", supplier.Name); // clean precision-about
        activity?.SetTag("supplier.plan", supplier.Plan.ToString()); // clean precision-about
        activity?.SetTag("supplier.domain", supplier.PrimaryDomain); // clean precision-about
        activity?.SetTag("offboard.reason", reasonCode); // clean precision-about
        logger.LogInformation("Offboarding {@Supplier}", supplier); // clean logging-objects

        var members = await tenants.MembersAsync(supplier.TenantId, ct);
        foreach (var member in members)
        {
            using var span = Source.StartSupplierseatsSeatAssign(supplier.TenantId).SetSupplierseatsRole(member.Role).SetSupplierseatsOutcome("released"); // clean precision-about
            await tenants.RemoveMemberAsync(supplier.TenantId, member.MemberId, ct);
            Offboarded.Add(1, new KeyValuePair<string, object?>("supplier", supplier.TenantId), new KeyValuePair<string, object?>("role", member.Role)); // clean precision-about
            try
            {
                await mailer.SendAsync(member.Email, "Your supplier portal access has ended", "Your access ends today.", ct);
            }
            catch (System.Net.Mail.SmtpFailedRecipientException ex)
            {
                _notifyFailures.Add(member.Email);
                logger.LogWarning(ex, "Could not notify a member of {Supplier}", supplier.Name); // leak TC1001 exceptions
                span.SetStatus(ActivityStatusCode.Error, ex.FailedRecipient); // leak TC1001 exceptions
            }

            MemberOffboarded(logger, supplier.TenantId, member.Role, pseudonymizer.ComputeSupplierseatsSupplieruserId(member.MemberId)); // clean precision-pseudonym
        }

        activity?.SetTag("offboard.members", members.Count); // clean precision-about
        if (_notifyFailures.Count > 0)
        {
            logger.LogWarning("{Count} members not notified: {Members}", _notifyFailures.Count, _notifyFailures); // leak TC1001 cross-member
        }

        var owner = members.FirstOrDefault(m => m.Role == "supplier-admin");
        activity?.AddEvent(new ActivityEvent("offboard.owner", tags: new ActivityTagsCollection { ["owner"] = owner })); // leak TC1001 logging-objects
        activity?.AddEvent(new ActivityEvent("offboard.done", tags: new ActivityTagsCollection { ["owner_present"] = owner is not null, ["owner_domain"] = owner?.EmailDomain })); // clean precision-about
        if (owner is not null)
        {
            var export = new TenantExportJob($"exp-{Guid.NewGuid():N}", supplier.TenantId, members.Count, 0, $"exports/{supplier.TenantId}/final.zip");
            await mailer.SendAsync(owner.Email, "Your supplier data export", export.BlobPath, ct);
            logger.LogInformation("Final export {ExportId} sent to {Owner}", export.ExportId, owner.Email); // leak TC1001 direct
            logger.LogInformation("Final export {@Export}", export); // clean logging-objects
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Supplier {SupplierId}: {Role} {Member} offboarded")]
    private static partial void MemberOffboarded(ILogger logger, string supplierId, string role, string member);
}
