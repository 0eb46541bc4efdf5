namespace PrivacyHoldout130.Media;

public sealed record Lead(Guid LeadId, string ListingId, string AgentBranchId, string Name, string Email, string Phone, string Source, DateTimeOffset CreatedAt);

public sealed record BranchExport(string AgentBranchId, int Leads, int WithPhone, string CrmKind);

/// <summary>The CRM refused a lead; its message quotes the CRM's error, which echoes the rejected email.</summary>
public sealed class CrmRejectedException(string crmKind, string detail) : Exception($"{crmKind} rejected lead: {detail}")
{
    public string CrmKind { get; } = crmKind;
}

/// <summary>
/// Nightly: exports the day's lettings leads to each agent branch's CRM (Reapit, Alto, Jupix) and reports how many
/// went where. Leads are de-duplicated per branch by the enquirer's email.
/// </summary>
public sealed class AgentLeadExportJob(TelemetrySecrets secrets, ILogger<AgentLeadExportJob> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Portal.LeadExport");
    private static readonly Meter Meter = new("Portal.LeadExport");
    private static readonly Counter<long> Exported = Meter.CreateCounter<long>("portal.leads.exported");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var leads = await LoadLeadsAsync(stoppingToken);
        using var activity = Source.StartActivity("portal.leads.export");
        activity?.SetTag("leads.total", leads.Count); // clean precision-about

        var unique = leads.GroupBy(l => (l.AgentBranchId, Key: Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(l.Email.ToLowerInvariant()))))).Select(g => g.First()).ToList();
        activity?.SetTag("leads.unique", unique.Count); // clean precision-about
        activity?.SetTag("leads.dedupe.first_key", unique.Count == 0 ? null : Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(unique[0].Email)))[..16]); // clean hashes

        foreach (var branch in unique.GroupBy(l => l.AgentBranchId))
        {
            var export = new BranchExport(branch.Key, branch.Count(), branch.Count(l => l.Phone.Length > 0), "reapit");
            logger.LogInformation("Exported {Export}", export); // clean logging-objects
            Exported.Add(export.Leads, new KeyValuePair<string, object?>("branch", export.AgentBranchId), new("crm", export.CrmKind)); // clean precision-names
            activity?.AddEvent(new ActivityEvent("leads.branch", tags: new ActivityTagsCollection { ["branch"] = branch.Key, ["emails"] = branch.Select(l => l.Email).ToArray() })); // leak TC1001 direct
            try
            {
                Push(export.CrmKind, branch.First());
            }
            catch (CrmRejectedException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.CrmKind); // clean exceptions
                activity?.AddException(ex); // leak TC1001 exceptions
                logger.LogWarning("CRM {Crm} rejected lead {LeadId} from {Source}", ex.CrmKind, branch.First().LeadId, branch.First().Source); // clean precision-names
            }
        }

        var sources = leads.GroupBy(l => l.Source).ToDictionary(g => g.Key, g => g.Count());
        logger.LogInformation("Leads by source {Sources}", sources); // clean logging-objects
        var byPhone = leads.Where(l => l.Phone.Length > 0).ToDictionary(l => l.Phone, l => l.ListingId);
        logger.LogDebug("Leads by phone {ByPhone}", byPhone); // leak TC1001 logging-objects
    }

    private static void Push(string crm, Lead lead)
    {
        if (!lead.Email.Contains('.'))
        {
            throw new CrmRejectedException(crm, $"invalid email {lead.Email}");
        }
    }

    private static Task<IReadOnlyList<Lead>> LoadLeadsAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<Lead>>(Array.Empty<Lead>());
}
