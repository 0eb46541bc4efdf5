using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout46.Support.Legal;
using PrivacyHoldout46.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout46.Healthcare;

/// <summary>A letter of claim from a patient's solicitors, as the trust's legal services team logs it.</summary>
public sealed record LetterOfClaim(
    string ClaimReference,
    string ClaimantName,
    string ClaimantNhsNumber,
    DateOnly ClaimantDateOfBirth,
    string SolicitorFirm,
    string SolicitorReference,
    string FeeEarnerEmail,
    string Allegation,
    string Specialty,
    IReadOnlyList<string> ClinicianUpns);

/// <summary>
/// Opens a clinical negligence matter: registers it, adds the treating clinicians as custodians of an
/// e-discovery case, places their mailboxes on hold and exports what the search finds for disclosure.
/// </summary>
public sealed class ClinicalNegligenceIntake(
    ILogger<ClinicalNegligenceIntake> logger,
    Pseudonymizer pseudonymizer,
    IEDiscoveryClient ediscovery,
    TimeProvider time,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Trust.LegalServices");

    public async Task<string> OpenAsync(LetterOfClaim claim, CancellationToken cancellationToken)
    {
        using var span = Source.StartLegalMatter("clinical-negligence");
        var matterId = $"CN-{claim.ClaimReference}";
        span.SetLegalMatterId(matterId);
        span.SetLegalCustodianRef(pseudonymizer.PseudonymizeLegalCustodianRef(claim.ClaimantNhsNumber)); // clean precision-pseudonym

        logger.LogInformation("Letter of claim {ClaimReference} from {SolicitorFirm}, their reference {SolicitorReference}", claim.ClaimReference, claim.SolicitorFirm, claim.SolicitorReference); // clean precision-names
        logger.LogInformation("Claim {ClaimReference} brought by {Claimant} in {Specialty}", claim.ClaimReference, claim.ClaimantName, claim.Specialty); // leak TC1001 direct
        logger.LogDebug("Letter of claim received {@Claim}", claim); // leak TC1001 logging-objects
        Activity.Current?.SetTag("legal.claimant.fee_earner", claim.FeeEarnerEmail); // leak TC1001 direct
        Activity.Current?.SetTag("legal.claimant.age", AgeOn(claim.ClaimantDateOfBirth, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime))); // clean precision-about

        var caseId = matterId;
        var custodianIds = new List<string>();
        foreach (var upn in claim.ClinicianUpns)
        {
            try
            {
                var custodian = await ediscovery.AddCustodianAsync(caseId, upn, cancellationToken);
                custodianIds.Add(custodian.CustodianId);
            }
            catch (EDiscoveryServiceException ex) when (ex.Code == "MailboxNotFound")
            {
                logger.LogWarning(ex, "A custodian could not be added to {CaseId}", caseId); // leak TC1001 exceptions
            }
            catch (EDiscoveryServiceException ex) when (ex.Code == "TooManyRequests")
            {
                span.RecordException(ex, includeMessage: true); // clean exceptions
                await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
            }
        }

        logger.LogInformation("Custodians requested for {MatterId}: {Custodians}", matterId, string.Join(", ", claim.ClinicianUpns)); // leak TC1001 direct
        logger.LogInformation("Custodians added to {MatterId}: {Added} of {Requested}", matterId, custodianIds.Count, claim.ClinicianUpns.Count); // clean precision-about

        var hold = await ediscovery.ApplyHoldAsync(caseId, custodianIds, cancellationToken);
        span.AddLegalHoldChangedEvent("applied", legalNote: $"hold {hold.HoldId} on {hold.MailboxesHeld} mailboxes"); // clean generated-api

        var query = BuildDisclosureQuery(claim);
        logger.LogDebug("Disclosure search for {MatterId}: {Query}", matterId, query); // leak TC1001 strings
        var searchId = await ediscovery.CreateSearchAsync(caseId, query, cancellationToken);
        var export = await ediscovery.ExportAsync(caseId, searchId, cancellationToken);

        span.SetLegalExportItems(export.ItemCount);
        meter.CreateLegalExportsCounter().Add(1, "clinical-negligence", export.Status); // clean generated-api
        return matterId;
    }

    // The patient is named in the clinical correspondence by NHS number; the clinicians by their mailboxes.
    private static string BuildDisclosureQuery(LetterOfClaim claim) =>
        $"(\"{claim.ClaimantNhsNumber}\" OR \"{claim.ClaimantName}\") AND ({string.Join(" OR ", claim.ClinicianUpns.Select(u => $"participants:{u}"))})";

    private static int AgeOn(DateOnly dateOfBirth, DateOnly today)
    {
        var age = today.Year - dateOfBirth.Year;
        return dateOfBirth > today.AddYears(-age) ? age - 1 : age;
    }
}
