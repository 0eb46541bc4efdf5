using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout43.Support.Agencies;
using PrivacyHoldout43.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout43.Media;

/// <summary>
/// An application for a concession on the television licence: free for a holder over 75 who receives
/// pension credit, half price for a holder who is severely sight impaired.
/// </summary>
public sealed record ConcessionApplication(
    string ApplicationId,
    string LicenceNumber,
    string HolderName,
    DateOnly HolderDateOfBirth,
    string NationalInsuranceNumber,
    string Uprn,
    string ConcessionType);

/// <summary>An enforcement visit to an address with no licence.</summary>
public sealed record EvasionCase(string CaseId, string Uprn, string? OccupierName, string OfficerId, DateOnly VisitDate, string Outcome);

public sealed class LicenceConcessionService(
    IEntitlementService benefits,
    ActivitySource source,
    Meter meter,
    ILogger<LicenceConcessionService> logger,
    Pseudonymizer pseudonymizer,
    TimeProvider clock)
{
    private readonly Counter<long> _granted = meter.CreateCounter<long>("licence.concessions.granted", "{concession}");

    public async Task<bool> AssessAsync(ConcessionApplication application, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("concession.type", application.ConcessionType); // clean precision-about
        activity?.SetTag("licence.number", application.LicenceNumber); // leak TC1001 direct

        using var check = source.StartAgencyCheck("dwp", "pension-credit");
        check.SetAgencyCitizenRef(pseudonymizer.PseudonymizeAgencyCitizenRef(application.NationalInsuranceNumber)); // clean precision-pseudonym

        EntitlementResult result;
        try
        {
            var query = new EntitlementQuery(application.NationalInsuranceNumber, application.HolderName.Split(' ')[^1], application.HolderDateOfBirth, "pension-credit");
            result = await benefits.CheckAsync(query, cancellationToken);
        }
        catch (AgencyFaultException ex) when (ex.Code == "SERVICE_UNAVAILABLE")
        {
            check.RecordException(ex, includeMessage: true); // clean exceptions
            return false;
        }
        catch (AgencyFaultException ex)
        {
            logger.LogWarning("Pension credit check failed: {Message}", ex.Message); // leak TC1001 exceptions
            return false;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var over75 = application.HolderDateOfBirth.AddYears(75) <= today;
        _granted.Add(1, new KeyValuePair<string, object?>("type", application.ConcessionType), new KeyValuePair<string, object?>("age_band", over75 ? "75+" : "under-75")); // clean precision-about
        logger.LogInformation("Concession {Type} on licence {LicenceRef}: {Outcome}", application.ConcessionType, pseudonymizer.ComputeCaseworkSubjectId(application.LicenceNumber), result.Outcome); // clean precision-pseudonym
        return result.Outcome == "eligible" && over75;
    }
}

public sealed class EvasionCaseService(ILogger<EvasionCaseService> logger)
{
    public void RecordVisit(EvasionCase evasion)
    {
        var activity = Activity.Current;
        activity?.SetTag("evasion.case_id", evasion.CaseId); // clean direct
        activity?.SetTag("evasion.officer", evasion.OfficerId); // leak TC1001 direct
        logger.LogInformation("Visit to {Uprn} on {VisitDate}: {Outcome}", evasion.Uprn, evasion.VisitDate, evasion.Outcome); // leak TC1001 direct
    }

    public void StartProsecution(EvasionCase evasion, Activity activity)
    {
        activity.DisplayName = $"prosecution {evasion.OccupierName}"; // leak TC1001 strings
        activity.SetTag("evasion.outcome", evasion.Outcome); // clean precision-about
    }
}
