using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout29.Support.Crm;
using PrivacyHoldout29.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout29.Healthcare;

public sealed record PortalPatient(string HospitalNumber, string NhsNumber, string GivenName, string FamilyName, string? Email, string? Mobile, string GpPracticeCode, bool RemindersOptIn);

/// <summary>Which portal fields go to which CRM properties; the CRM's contact is keyed by the hospital number.</summary>
public static class EngagementFieldMap
{
    public static readonly IReadOnlyDictionary<string, string> Properties = new Dictionary<string, string>
    {
        ["hospital_number"] = nameof(PortalPatient.HospitalNumber),
        ["email"] = nameof(PortalPatient.Email),
        ["mobilephone"] = nameof(PortalPatient.Mobile),
        ["firstname"] = nameof(PortalPatient.GivenName),
        ["lastname"] = nameof(PortalPatient.FamilyName),
        ["gp_practice"] = nameof(PortalPatient.GpPracticeCode),
        ["reminders_opt_in"] = nameof(PortalPatient.RemindersOptIn),
    };

    public static CrmUpsertInput ToInput(PortalPatient patient) => new(
        "hospital_number",
        patient.HospitalNumber,
        new Dictionary<string, string?>
        {
            ["email"] = patient.Email,
            ["mobilephone"] = patient.Mobile,
            ["firstname"] = patient.GivenName,
            ["lastname"] = patient.FamilyName,
            ["gp_practice"] = patient.GpPracticeCode,
            ["reminders_opt_in"] = patient.RemindersOptIn ? "true" : "false",
        });
}

/// <summary>Pushes portal patients who opted in to appointment reminders to the engagement CRM.</summary>
public sealed class EngagementCrmSync(ICrmClient crm, Pseudonymizer pseudonymizer, Meter meter, ILogger<EngagementCrmSync> logger)
{
    private static readonly ActivitySource Source = new("Clinic.Engagement");

    public async Task PushAsync(IReadOnlyList<PortalPatient> patients, CancellationToken cancellationToken)
    {
        var records = meter.CreateCrmSyncRecordsCounter();
        using var span = Source.StartCrmSync("contact");
        span.SetCrmSyncDirection("push");
        span.SetCrmFieldCount(EngagementFieldMap.Properties.Count);
        Activity.Current?.SetTag("crm.mapped.properties", string.Join(",", EngagementFieldMap.Properties.Keys)); // clean precision-names

        var inputs = patients.Where(p => p.RemindersOptIn).Select(EngagementFieldMap.ToInput).ToList();
        var result = await crm.BatchUpsertAsync("contacts", inputs, cancellationToken);
        records.Add(result.Results.Count(r => r.Created), "contact", crmOutcome: "created");

        foreach (var error in result.Errors)
        {
            span.AddCrmSyncConflictEvent("contact", crmOutcome: error.Category); // clean precision-about
            logger.LogWarning("CRM rejected a patient: {Category} {Message}", error.Category, error.Message); // leak TC1001 exceptions
            if (error.Context.TryGetValue("hospital_number", out var rejected))
            {
                span.SetCrmContactId(pseudonymizer.PseudonymizeCrmContactId(rejected)); // clean precision-pseudonym
                records.Add(1, "contact", crmOutcome: $"rejected:{rejected}"); // leak TC1003 generated-api
            }
        }
    }

    public async Task UpdateOneAsync(PortalPatient patient, CancellationToken cancellationToken)
    {
        using var span = Source.StartCrmSync("contact");
        span.SetCrmContactId(pseudonymizer.PseudonymizeCrmContactId(patient.HospitalNumber)); // clean precision-pseudonym
        try
        {
            var updated = await crm.UpsertContactAsync(EngagementFieldMap.ToInput(patient), cancellationToken);
            span.SetCrmOutcome(updated.Created ? "created" : $"updated {updated.ChangedProperties} properties"); // clean precision-about
            Activity.Current?.SetTag("crm.contact.record", updated.Id); // leak TC1001 direct
        }
        catch (CrmApiException ex) when (ex.Category == "RATE_LIMITS")
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            throw;
        }
        catch (CrmApiException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogError("CRM {Category} ({StatusCode}), correlation {CorrelationId}", ex.Category, ex.StatusCode, ex.CorrelationId); // clean exceptions
        }
    }
}
