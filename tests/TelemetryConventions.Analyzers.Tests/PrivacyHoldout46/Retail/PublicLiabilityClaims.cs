using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout46.Support;
using PrivacyHoldout46.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout46.Retail;

/// <summary>A claim notification form from the personal injury claims portal, for an accident in a store.</summary>
public sealed record ClaimNotificationForm(
    string PortalClaimId,
    string ClaimantName,
    string NationalInsuranceNumber,
    DateOnly DateOfBirth,
    string ClaimantPostcode,
    string SolicitorFirm,
    string SolicitorReference,
    string FeeEarnerName,
    string StoreNumber,
    DateOnly AccidentDate,
    string InjuryDescription);

public interface IAccidentBook
{
    Task<AccidentReport?> FindAsync(string storeNumber, DateOnly day, CancellationToken cancellationToken);
}

public interface IInsurerReferrals
{
    Task<string> ReferAsync(ClaimNotificationForm form, CancellationToken cancellationToken);
}

/// <summary>Thrown by the insurer's referral client when the insurer refuses a referral.</summary>
public sealed class InsurerReferralException(string claimantName, string reason)
    : Exception($"Insurer refused the referral for {claimantName}: {reason}");

public sealed record ReceiveClaim(ClaimNotificationForm Form) : IRequest<string>;

/// <summary>
/// Acknowledges claims notified through the portal within the protocol's deadline, matches them to the
/// store's accident book and refers them to the public liability insurer.
/// </summary>
public sealed class ReceiveClaimHandler(
    ILogger<ReceiveClaimHandler> logger,
    IAccidentBook accidentBook,
    IInsurerReferrals insurer,
    Pseudonymizer pseudonymizer,
    Meter meter) : IRequestHandler<ReceiveClaim, string>
{
    private static readonly ActivitySource Source = new("Retail.Claims");

    public async Task<string> Handle(ReceiveClaim request, CancellationToken cancellationToken)
    {
        var form = request.Form;
        using var span = Source.StartLegalMatter("public-liability");
        span.SetLegalMatterId(form.PortalClaimId); // clean direct
        span.SetLegalCustodianRef(pseudonymizer.PseudonymizeLegalCustodianRef(form.NationalInsuranceNumber)); // clean precision-pseudonym
        span.SetLegalNote($"CNF {form.PortalClaimId}: {form.InjuryDescription}"); // leak TC1001 generated-api

        logger.LogInformation("CNF {PortalClaimId} from {SolicitorFirm} ({SolicitorReference})", form.PortalClaimId, form.SolicitorFirm, form.SolicitorReference); // clean precision-names
        logger.LogInformation("CNF {PortalClaimId} handled by fee earner {FeeEarner}", form.PortalClaimId, form.FeeEarnerName); // leak TC1001 direct
        logger.LogInformation("Claimant NI number {NationalInsuranceNumber}", form.NationalInsuranceNumber); // leak TC1001 direct
        Activity.Current?.SetTag("claim.claimant.district", form.ClaimantPostcode.Split(' ')[0]); // clean precision-about

        // The insurers' shared claims register is searched by a digest of the NI number.
        var registerKey = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(form.NationalInsuranceNumber.Replace(" ", "", StringComparison.Ordinal))));
        Activity.Current?.SetTag("claim.register.key", registerKey); // leak TC1002 hashes

        var accident = await accidentBook.FindAsync(form.StoreNumber, form.AccidentDate, cancellationToken);
        Activity.Current?.SetTag("claim.accident_report", accident?.ReportId); // clean cross-member
        Activity.Current?.SetTag("claim.accident_recorded", accident is not null); // clean precision-about

        try
        {
            var insurerReference = await insurer.ReferAsync(form, cancellationToken);
            meter.CreateLegalExportsCounter().Add(1, "public-liability", "referred"); // clean generated-api
            return insurerReference;
        }
        catch (InsurerReferralException ex)
        {
            logger.LogError(ex, "Referral of {PortalClaimId} failed", form.PortalClaimId); // leak TC1001 exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            meter.CreateLegalExportsCounter().Add(1, "public-liability", "referral-failed");
            throw;
        }
    }
}
