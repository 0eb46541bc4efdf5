using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PrivacyHoldout43.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout43.Retail;

/// <summary>
/// A shop's application to the council for a premises licence to sell alcohol. The company is the
/// applicant; the designated premises supervisor is a person who holds a personal licence.
/// </summary>
public sealed record PremisesLicenceApplication(
    string ApplicationReference,
    string PremisesName,
    string CompanyNumber,
    string DpsName,
    string DpsPersonalLicenceNumber,
    string DpsEmail,
    IReadOnlyList<string> LicensableActivities,
    TimeOnly LatestSaleTime);

/// <summary>A representation made about an application by a resident or a responsible authority.</summary>
public sealed record LicensingRepresentation(string ApplicationReference, string PartyType, string? ResidentName, string? ResidentPostcode, string Text);

/// <summary>A temporary event notice given by a personal licence holder.</summary>
public sealed record TemporaryEventNotice(string NoticeId, string PremisesUserName, string PremisesUserPersonalLicence, DateOnly EventDate, int ExpectedAttendance);

public sealed class TemporaryEventLimitException(string message) : Exception(message);

public sealed class TemporaryEventNoticeRules(IReadOnlyDictionary<string, int> noticesGivenThisYear)
{
    public void Check(TemporaryEventNotice notice)
    {
        if (noticesGivenThisYear.GetValueOrDefault(notice.PremisesUserPersonalLicence) >= 50)
        {
            throw new TemporaryEventLimitException($"Personal licence {notice.PremisesUserPersonalLicence} has given all 50 notices allowed this year");
        }
    }
}

public sealed class PremisesLicensingService(
    TemporaryEventNoticeRules rules,
    ActivitySource source,
    Meter meter,
    ILogger<PremisesLicensingService> logger,
    Pseudonymizer pseudonymizer)
{
    private readonly Counter<long> _representations = meter.CreateCounter<long>("licensing.representations", "{representation}");

    public void Receive(PremisesLicenceApplication application)
    {
        using var span = source.StartCaseworkCase("premises-licence", spanName: "licensing.application.receive");
        span.SetCaseworkCaseId(application.ApplicationReference)
            .SetCaseworkSubjectId(pseudonymizer.PseudonymizeCaseworkSubjectId(application.DpsPersonalLicenceNumber)); // clean precision-pseudonym

        var activity = Activity.Current;
        activity?.SetTag("licensing.company_number", application.CompanyNumber); // clean direct
        activity?.SetTag("licensing.activities", string.Join(',', application.LicensableActivities)); // clean logging-objects
        activity?.SetTag("licensing.latest_sale", application.LatestSaleTime.ToString("HH:mm")); // clean direct
        activity?.SetTag("licensing.dps_contact", $"{application.DpsName} <{application.DpsEmail}>"); // leak TC1001 strings
        logger.LogInformation("DPS {DpsName} (personal licence {Licence}) named on {Reference}", application.DpsName, application.DpsPersonalLicenceNumber, application.ApplicationReference); // leak TC1001 direct
    }

    public void Represented(LicensingRepresentation representation)
    {
        _representations.Add(1, new KeyValuePair<string, object?>("party_type", representation.PartyType)); // clean precision-names
        logger.LogInformation("Representation on {Reference} from {PartyType} in {District}", representation.ApplicationReference, representation.PartyType, representation.ResidentPostcode?.Split(' ')[0]); // clean precision-about
        Activity.Current?.SetTag("licensing.representation", JsonSerializer.Serialize(representation)); // leak TC1001 logging-objects
    }

    public void Decide(PremisesLicenceApplication application, string decision)
    {
        meter.CreateCaseworkDecisionsCounter().Add(1, "premises-licence", decision); // clean generated-api
        logger.LogCaseworkDecisionRecordedEvent(decision, caseworkNote: $"latest sale {application.LatestSaleTime:HH:mm}, {application.LicensableActivities.Count} activities"); // clean generated-api
    }

    public bool GiveNotice(TemporaryEventNotice notice)
    {
        var activity = Activity.Current;
        activity?.SetTag("ten.notice_id", notice.NoticeId); // clean direct
        activity?.SetTag("ten.premises_user", notice.PremisesUserName); // leak TC1001 direct
        activity?.SetTag("ten.expected_attendance", notice.ExpectedAttendance); // clean precision-about

        try
        {
            rules.Check(notice);
            return true;
        }
        catch (TemporaryEventLimitException ex)
        {
            logger.LogWarning("TEN {NoticeId} refused: {Reason}", notice.NoticeId, ex.Message); // leak TC1001 exceptions
            return false;
        }
    }
}
