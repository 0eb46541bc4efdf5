namespace PrivacyHoldout87.Energy;

/// <summary>
/// A business customer's export of everything the portal holds for it (contacts, seats, sites),
/// requested by one of its admins when it moves to another broker.
/// </summary>
public sealed partial class CustomerTenantExport(ITenantStore tenants, ISeatStore seats, Pseudonymizer pseudonymizer, ILogger<CustomerTenantExport> logger)
{
    private static readonly ActivitySource Source = new("Broker.Tenancy.Export");

    public async Task<TenantExportJob> ExportAsync(string tenantId, string requestedByEmail, CancellationToken ct)
    {
        var tenant = await tenants.FindAsync(tenantId, ct) ?? throw new KeyNotFoundException(tenantId);
        using var activity = Source.StartActivity($"export {tenant.Name}"); // clean precision-about
        activity?.SetTag("export.requested_by", requestedByEmail); // leak TC1001 direct
        activity?.SetTag("export.requester_domain", requestedByEmail.Split('@')[1]); // clean precision-about
        activity?.SetTag("export.requester_is_tenant_domain", requestedByEmail.EndsWith("@" + tenant.PrimaryDomain, StringComparison.OrdinalIgnoreCase)); // clean precision-about

        var members = await tenants.MembersAsync(tenantId, ct);
        var seatList = await seats.SeatsAsync(tenantId, ct);
        var csv = new StringBuilder("member_id,email,display_name,role\n");
        foreach (var m in members)
        {
            csv.Append(m.MemberId).Append(',').Append(m.Email).Append(',').Append(m.DisplayName).Append(',').Append(m.Role).Append('\n');
        }

        var job = new TenantExportJob($"exp-{Guid.NewGuid():N}", tenantId, members.Count, seatList.Count, $"exports/{tenantId}/{DateTime.UtcNow:yyyyMMdd}.zip");
        logger.LogInformation("Export {@Job}", job); // clean logging-objects
        logger.LogDebug("Export preview: {Preview}", csv.ToString(0, Math.Min(csv.Length, 500))); // leak TC1001 strings
        ExportReady(logger, job.ExportId, tenant.Name, job.Members, job.Seats); // clean precision-about
        logger.LogTrace("Export members {Members}", members); // leak TC1001 logging-objects
        activity?.SetTag("export.admin_count", members.Count(m => m.Role == "admin")); // clean precision-names
        var owner = members.FirstOrDefault(m => m.Role == "owner");
        if (owner is not null)
        {
            activity?.SetTag("export.owner", owner.DisplayName); // leak TC1001 direct
            ExportOwner(logger, job.ExportId, pseudonymizer.ComputeBrokerseatsContactId(owner.MemberId)); // clean precision-pseudonym
        }

        activity?.SetTag("export.blob", job.BlobPath); // clean precision-about
        var freeSeats = seatList.Where(s => s.IsFree).ToList();
        logger.LogInformation("Free seats in export: {Seats}", freeSeats); // clean logging-objects
        logger.LogInformation("Held seats in export: {Seats}", seatList.Where(s => !s.IsFree).ToList()); // leak TC1001 logging-objects
        return job;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Export {ExportId} for {Company}: {Members} contacts, {Seats} seats")]
    private static partial void ExportReady(ILogger logger, string exportId, string company, int members, int seats);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Export {ExportId} owner {Owner}")]
    private static partial void ExportOwner(ILogger logger, string exportId, string owner);
}
