using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout43.Support;
using PrivacyHoldout43.Support.Agencies;
using PrivacyHoldout43.Telemetry;

namespace PrivacyHoldout43.Transport;

/// <summary>A penalty charge notice issued by a civil enforcement officer to a vehicle.</summary>
public sealed record PenaltyChargeNotice(
    string PcnNumber,
    string Vrm,
    string ContraventionCode,
    string Location,
    DateTimeOffset IssuedAt,
    string CivilEnforcementOfficerId,
    decimal Amount);

/// <summary>A formal representation the keeper makes against a notice.</summary>
public sealed record KeeperRepresentation(string PcnNumber, string Grounds, string KeeperEmail, bool HasEvidence);

public sealed class PenaltyChargeService(
    IKeeperEnquiryService keepers,
    IPaymentPlatform payments,
    ActivitySource source,
    Meter meter,
    ILogger<PenaltyChargeService> logger)
{
    private readonly Counter<long> _issued = meter.CreateCounter<long>("pcn.issued", "{notice}");

    public void Issued(PenaltyChargeNotice pcn)
    {
        var activity = Activity.Current;
        activity?.SetTag("pcn.number", pcn.PcnNumber); // clean direct
        activity?.SetTag("pcn.contravention", pcn.ContraventionCode); // clean direct
        activity?.SetTag("pcn.vrm", pcn.Vrm); // leak TC1001 direct
        activity?.SetTag("pcn.vrm_area", pcn.Vrm[..2]); // clean precision-about
        activity?.SetTag("pcn.officer", pcn.CivilEnforcementOfficerId); // leak TC1001 direct
        _issued.Add(1, new KeyValuePair<string, object?>("contravention", pcn.ContraventionCode), new KeyValuePair<string, object?>("location", pcn.Location)); // clean direct
    }

    public async Task SendNoticeToOwnerAsync(PenaltyChargeNotice pcn, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("pcn.notice_to_owner");
        try
        {
            var keeper = await keepers.GetKeeperAsync(pcn.Vrm, DateOnly.FromDateTime(pcn.IssuedAt.UtcDateTime), cancellationToken);
            activity?.SetTag("pcn.keeper.company", keeper.IsCompany); // clean precision-about
            logger.LogInformation("Notice to owner for {Pcn} sent to {Keeper}", pcn.PcnNumber, keeper); // leak TC1001 logging-objects
        }
        catch (KeeperEnquiryException ex)
        {
            logger.LogWarning(ex, "No keeper found for {Pcn}", pcn.PcnNumber); // clean exceptions
        }
    }

    public void Represented(PenaltyChargeNotice pcn, KeeperRepresentation representation)
    {
        using var span = source.StartCaseworkCase("pcn-representation", spanName: "pcn.representation");
        span.SetCaseworkCaseId(representation.PcnNumber); // clean direct
        span.SetCaseworkNote(representation.Grounds); // leak TC1001 generated-api
        Activity.Current?.SetTag("pcn.representation.has_evidence", representation.HasEvidence); // clean precision-about
    }

    public void AppealLodged(PenaltyChargeNotice pcn)
    {
        var appealUrl = $"https://tribunal.example.gov.uk/appeals/new?pcn={pcn.PcnNumber}&vrm={pcn.Vrm}";
        logger.LogInformation("Appeal lodged at {Url}", appealUrl); // leak TC1001 strings
    }

    public async Task PaidAsync(string paymentId, CancellationToken cancellationToken)
    {
        var payment = await payments.GetPaymentAsync(paymentId, cancellationToken);
        logger.LogInformation("PCN {Pcn} paid {Amount} by {Email}", payment.Reference, payment.Amount, payment.Email); // leak TC1001 cross-member
        meter.CreateCaseworkDecisionsCounter().Add(1, "pcn", payment.State); // clean generated-api
    }
}
