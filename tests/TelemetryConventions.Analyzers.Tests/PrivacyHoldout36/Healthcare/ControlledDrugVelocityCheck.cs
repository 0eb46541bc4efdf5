using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout36.Support;
using PrivacyHoldout36.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout36.Healthcare;

public sealed record DispenseRequest(
    string PrescriptionId,
    string NhsNumber,
    string PrescriberCode,
    string PharmacyOds,
    string DrugCode,
    bool IsControlled,
    int Quantity,
    DateOnly DueDate);

public sealed record VelocityOutcome(string RuleId, long Count, long Threshold)
{
    public bool Tripped => Count > Threshold;
}

/// <summary>
/// Checks a dispense of a Schedule 2/3 controlled drug against the patient's recent history
/// ("doctor shopping": several prescribers, or early repeat dispensing at different pharmacies).
/// </summary>
public sealed class ControlledDrugVelocityCheck(
    IVelocityStore velocity,
    Pseudonymizer pseudonymizer,
    ILogger<ControlledDrugVelocityCheck> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Pharmacy.Dispensing.Risk");

    private readonly Counter<long> _tripped = meter.CreateCounter<long>("pharmacy.velocity.tripped", "{rule}");

    public async Task<RiskDecision> CheckAsync(DispenseRequest request, CancellationToken ct)
    {
        if (!request.IsControlled)
        {
            return RiskDecision.Allow;
        }

        using var activity = Source.StartActivity("dispense.velocity-check");
        activity?.SetTag("dispense.prescription.id", request.PrescriptionId); // clean direct
        activity?.SetTag("dispense.pharmacy", request.PharmacyOds);

        var prescribersKey = $"vel:cd-prescribers:{request.NhsNumber}:30d";
        var pharmaciesKey = $"vel:cd-pharmacies:{request.NhsNumber}:30d";
        var prescribers = await velocity.AddDistinctAsync(prescribersKey, request.PrescriberCode, TimeSpan.FromDays(30), ct);
        var pharmacies = await velocity.AddDistinctAsync(pharmaciesKey, request.PharmacyOds, TimeSpan.FromDays(30), ct);

        var outcomes = new[]
        {
            new VelocityOutcome("CD-PRESCRIBERS", prescribers, 2),
            new VelocityOutcome("CD-PHARMACIES", pharmacies, 2),
        };

        activity?.SetTag("risk.velocity.distinct_prescribers", prescribers); // clean precision-about
        activity?.SetTag("risk.velocity.key", prescribersKey); // leak TC1001 strings

        var tripped = outcomes.Where(o => o.Tripped).ToList();
        if (tripped.Count == 0)
        {
            return RiskDecision.Allow;
        }

        foreach (var outcome in tripped)
        {
            _tripped.Add(1, new KeyValuePair<string, object?>("rule", outcome.RuleId), new KeyValuePair<string, object?>("pharmacy", request.PharmacyOds)); // clean direct
        }

        logger.LogWarning("Controlled drug velocity tripped for patient {NhsNumber}: {Prescribers} prescribers, {Pharmacies} pharmacies in 30 days", request.NhsNumber, prescribers, pharmacies); // leak TC1001 direct
        logger.LogInformation("Velocity outcomes {@Outcomes} for prescription {PrescriptionId}", tripped, request.PrescriptionId); // clean logging-objects

        var patientRef = pseudonymizer.ComputeRiskSubjectId(request.NhsNumber);
        logger.LogInformation("Dispense {PrescriptionId} held for pharmacist review, subject {SubjectRef}", request.PrescriptionId, patientRef); // clean precision-pseudonym
        _tripped.Add(1, new KeyValuePair<string, object?>("rule", "any"), new KeyValuePair<string, object?>("subject", patientRef)); // leak TC1003 precision-pseudonym

        Activity.Current?.EnrichRiskAssessment(RiskDecision.Review).SetRiskSubjectId(pseudonymizer.PseudonymizeRiskSubjectId(request.NhsNumber)).SetRiskRuleCount(tripped.Count); // clean precision-pseudonym
        return RiskDecision.Review;
    }

    /// <summary>Early repeat: the same drug dispensed again before the due date.</summary>
    public void ReportEarlyRepeat(DispenseRequest request, DateOnly lastDispensed)
    {
        var daysEarly = request.DueDate.DayNumber - DateOnly.FromDateTime(DateTime.UtcNow).DayNumber;
        var nhsLastFour = request.NhsNumber[^4..];
        Activity.Current?.AddEvent(new ActivityEvent("dispense.early_repeat", tags: new ActivityTagsCollection { ["days_early"] = daysEarly, ["drug"] = request.DrugCode, ["nhs.last4"] = nhsLastFour })); // clean precision-about
        logger.LogWarning("Early repeat of {DrugCode} for {Patient}, last dispensed {LastDispensed}", request.DrugCode, request.NhsNumber, lastDispensed); // leak TC1001 direct
    }
}
