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
using PrivacyHoldout60.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout60.Healthcare;

public sealed record Admission(
    string HospitalNumber,
    string NhsNumber,
    string FamilyName,
    string WardCode,
    string Specialty,
    string ConsultantStaffNumber,
    DateTimeOffset AdmittedAt,
    int Acuity);

public sealed record WardInfo(string Code, string Specialty, int Beds);

public interface IAdmissionsStore
{
    Task<IReadOnlyList<Admission>> CurrentAsync(CancellationToken cancellationToken);

    /// <summary>Hospital numbers the patient administration system has as inpatients.</summary>
    Task<IReadOnlyList<string>> PasInpatientsAsync(CancellationToken cancellationToken);
}

public interface IInfectionControlClient
{
    /// <summary>Hospital numbers of the patients who must be nursed in a side room.</summary>
    Task<IReadOnlyCollection<string>> IsolationListAsync(CancellationToken cancellationToken);
}

/// <summary>The midnight bed census: occupancy per ward, caseloads, isolation and PAS mismatches.</summary>
public sealed class WardCensusReport(
    IAdmissionsStore store,
    IInfectionControlClient infectionControl,
    IReadOnlyDictionary<string, WardInfo> wards,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TimeProvider clock,
    ILogger<WardCensusReport> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var run = source.StartWardReportRun(WardReportKind.Census);
        var now = clock.GetUtcNow();
        var admissions = await store.CurrentAsync(cancellationToken);
        run.SetWardBedsOccupied(admissions.Count);

        var byWard = admissions.GroupBy(a => a.WardCode).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        foreach (var ward in byWard)
        {
            if (!wards.TryGetValue(ward.Key, out var info))
            {
                logger.LogWarning("Census rows for unknown ward {Ward}", ward.Key); // clean cross-member
                continue;
            }

            var occupancy = (double)ward.Count() / info.Beds;
            meter.CreateWardPatientsCounter().Add(ward.Count(), ward.Key, info.Specialty); // clean cross-member
            logger.LogInformation("Ward {Ward} ({Specialty}): {Occupied}/{Beds} beds, mean acuity {Acuity:F1}", ward.Key, info.Specialty, ward.Count(), info.Beds, ward.Average(a => a.Acuity)); // clean precision-about
            if (occupancy > 0.95)
            {
                var newest = ward.MaxBy(a => a.AdmittedAt)!;
                logger.LogWarning("Ward {Ward} at {Occupancy:P0}; last admitted {Patient}", ward.Key, occupancy, newest.HospitalNumber); // leak TC1001 direct
            }
        }

        var fullest = byWard.Where(w => wards.ContainsKey(w.Key)).MaxBy(w => (double)w.Count() / wards[w.Key].Beds);
        if (fullest is not null)
        {
            run.SetWardCode(fullest.Key); // clean cross-member
            run.SetWardOccupancy((double)fullest.Count() / wards[fullest.Key].Beds);
        }

        var longest = admissions
            .OrderByDescending(a => now - a.AdmittedAt)
            .Take(5)
            .Select(a => $"{a.HospitalNumber} ({(now - a.AdmittedAt).TotalDays:F0}d)");
        logger.LogInformation("Longest stays: {Stays}", string.Join(", ", longest)); // leak TC1001 strings
        logger.LogInformation("Longest stays in days: {Days}", admissions.Select(a => (int)(now - a.AdmittedAt).TotalDays).OrderDescending().Take(5)); // clean logging-objects

        var caseload = admissions
            .GroupBy(a => a.ConsultantStaffNumber)
            .ToDictionary(g => g.Key, g => g.Count());
        logger.LogInformation("Caseload per consultant {@Caseload}", caseload); // leak TC1001 logging-objects
        logger.LogInformation("{Consultants} consultants with inpatients, heaviest caseload {Max}", caseload.Count, caseload.Values.DefaultIfEmpty().Max()); // clean precision-about

        var bySpecialty = admissions.CountBy(a => a.Specialty).ToDictionary();
        logger.LogInformation("Census by specialty {@Counts}", bySpecialty); // clean logging-objects
        run.Activity?.SetTag("ward.census.specialties", string.Join(",", bySpecialty.Select(kv => $"{kv.Key}={kv.Value}"))); // clean strings

        var isolation = new HashSet<string>(await infectionControl.IsolationListAsync(cancellationToken), StringComparer.OrdinalIgnoreCase);
        var inOpenBays = admissions
            .Where(a => isolation.Contains(a.HospitalNumber) && !a.WardCode.EndsWith("-SR", StringComparison.Ordinal))
            .ToList();
        run.Activity?.SetTag("ward.isolation.open_bay", inOpenBays.Count);
        if (inOpenBays.Count > 0)
        {
            logger.LogWarning("Isolation patients in open bays: {Patients}", inOpenBays.Select(a => new { a.NhsNumber, a.WardCode })); // leak TC1001 logging-objects
            logger.LogWarning("Isolation patients in open bays on {Wards}", inOpenBays.Select(a => a.WardCode).Distinct()); // clean logging-objects
        }

        var pasInpatients = await store.PasInpatientsAsync(cancellationToken);
        var unknownToPas = admissions.Select(a => a.HospitalNumber).Except(pasInpatients).ToList();
        var notOnAWard = pasInpatients.Except(admissions.Select(a => a.HospitalNumber)).Count();
        run.SetStatus(unknownToPas.Count == 0 ? ActivityStatusCode.Ok : ActivityStatusCode.Error, $"{unknownToPas.Count} census patients unknown to PAS, {notOnAWard} PAS inpatients on no ward"); // clean precision-about
        if (unknownToPas.Count > 0)
        {
            run.Activity?.SetTag("ward.census.unmatched", string.Join(";", unknownToPas)); // leak TC1001 strings
        }

        var movers = admissions.ToLookup(a => a.HospitalNumber).Where(g => g.Count() > 1).ToList();
        foreach (var mover in movers)
        {
            var moverKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(mover.Key)))[..16];
            run.Activity?.AddEvent(new ActivityEvent("ward.census.duplicate", tags: new ActivityTagsCollection { ["patient.key"] = moverKey, ["wards"] = string.Join(",", mover.Select(a => a.WardCode)) })); // leak TC1002 hashes
            logger.LogInformation("Patient {Patient} is on wards {Wards}", mover.Key, string.Join(",", mover.Select(a => a.WardCode))); // leak TC1001 cross-member
        }
        logger.LogInformation("{Movers} patients appear on more than one ward", movers.Count);

        foreach (var ward in byWard)
        {
            var stays = ward.Select(a => (now - a.AdmittedAt).TotalDays).ToArray();
            var mean = stays.Average();
            var spread = Math.Sqrt(stays.Sum(d => (d - mean) * (d - mean)) / stays.Length);
            foreach (var (patient, days) in ward.Zip(stays).Where(p => p.Second > mean + 2 * spread))
            {
                logger.LogWardOutlierFlaggedEvent(ward.Key, pseudonymizer.PseudonymizeWardPatientId(patient.HospitalNumber), patient.Specialty, $"{days:F0} days against a ward mean of {mean:F0}"); // clean precision-pseudonym
                logger.LogDebug("Outlier on {Ward}: {Name}, {Days:F0} days", ward.Key, patient.FamilyName, days); // leak TC1001 direct
            }
        }
    }
}
