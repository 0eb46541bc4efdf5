using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout29.Support.Crm;
using PrivacyHoldout29.Support.Helpdesk;
using PrivacyHoldout29.Support.Hosting;
using PrivacyHoldout29.Support.Marketing;
using PrivacyHoldout29.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout29.Energy;

/// <summary>An erasure request for a closed supply account.</summary>
public sealed record ErasureRequest(
    string RequestId,
    string AccountNumber,
    string MeterSerial,
    string Email,
    string CrmContactId,
    long? HelpdeskUserId,
    DateOnly AccountClosedOn);

public sealed record ErasureOutcome(string System, bool Erased, string? Reason);

/// <summary>Erases a former customer from the CRM, the helpdesk and the marketing audience; billing is kept for six years.</summary>
public sealed class AccountErasureWorkflow(
    ICrmClient crm,
    IHelpdeskClient helpdesk,
    IMarketingClient marketing,
    IOptions<PrivacyOpsOptions> options,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<AccountErasureWorkflow> logger)
{
    private static readonly ActivitySource Source = new("Supplier.PrivacyOps");

    public async Task<IReadOnlyList<ErasureOutcome>> RunAsync(ErasureRequest request, CancellationToken cancellationToken)
    {
        using var span = Source.StartDsrWorkflow("erasure");
        span.SetDsrRequestId(request.RequestId); // clean precision-names
        span.SetDsrSubjectId(pseudonymizer.PseudonymizeDsrSubjectId(request.AccountNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag(DsrAttributes.SubjectContact, pseudonymizer.ComputeDsrSubjectId(request.Email)); // leak TC1001 precision-pseudonym

        var outcomes = new List<ErasureOutcome>();
        var billingKeptUntil = request.AccountClosedOn.AddYears(6);
        outcomes.Add(new ErasureOutcome("billing", false, $"retained until {billingKeptUntil:yyyy-MM-dd}"));

        await crm.DeleteContactAsync(request.CrmContactId, gdprDelete: true, cancellationToken);
        outcomes.Add(new ErasureOutcome("crm", true, null));
        logger.LogInformation("GDPR-deleted CRM contact {CrmContactId}", request.CrmContactId); // leak TC1001 direct

        if (request.HelpdeskUserId is { } userId)
        {
            await helpdesk.DeleteUserPermanentlyAsync(userId, cancellationToken);
            outcomes.Add(new ErasureOutcome("helpdesk", true, null));
            Activity.Current?.SetTag("helpdesk.user.erased", true);
        }

        var subscriberHash = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(request.Email.Trim().ToLowerInvariant()))).ToLowerInvariant();
        try
        {
            await marketing.DeletePermanentAsync(options.Value.ListId, subscriberHash, cancellationToken);
            outcomes.Add(new ErasureOutcome("marketing", true, null));
        }
        catch (MarketingApiException ex) when (ex.Status == 404)
        {
            outcomes.Add(new ErasureOutcome("marketing", false, "not a list member"));
            logger.LogInformation("Audience member {SubscriberHash} was not on list {ListId}", subscriberHash, options.Value.ListId); // leak TC1002 hashes
            Activity.Current?.SetTag("marketing.list", options.Value.ListId); // clean precision-names
        }

        span.SetDsrRecordsCount(outcomes.Count(o => o.Erased));
        span.SetDsrNote(string.Join("; ", outcomes.Select(o => $"{o.System}={(o.Erased ? "erased" : o.Reason)}"))); // clean strings
        meter.CreateDsrRequestsCounter().Add(1, "erasure", dsrOutcome: outcomes.All(o => o.Erased) ? "complete" : "partial"); // clean precision-about
        logger.LogInformation("Erasure {RequestId} for meter {MeterSerial} finished: {Outcomes}", request.RequestId, request.MeterSerial, outcomes); // leak TC1001 direct
        return outcomes;
    }
}
