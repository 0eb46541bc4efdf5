using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout60.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout60.Healthcare;

public sealed record Discharge(
    string HospitalNumber,
    string NhsNumber,
    string FamilyName,
    string WardCode,
    string Specialty,
    string ConsultantStaffNumber,
    string GpPracticeCode,
    DateTimeOffset AdmittedAt,
    DateTimeOffset DischargedAt,
    string Destination);

public sealed record LetterReceipt(string LetterId, bool Accepted, string? RejectionCode);

public interface IDischargeStore
{
    Task<IReadOnlyList<Discharge>> DischargedBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}

public interface IGpLetterSender
{
    /// <summary>Sends the discharge letters of one practice; one receipt per letter, in order.</summary>
    Task<IReadOnlyList<LetterReceipt>> SendAsync(string practiceCode, IReadOnlyList<Discharge> discharges, CancellationToken cancellationToken);
}

/// <summary>The daily discharge summary: lengths of stay, GP letters and 30-day readmissions.</summary>
public sealed class DischargeSummaryJob
{
    private readonly IDischargeStore _store;
    private readonly IGpLetterSender _letters;
    private readonly ActivitySource _source;
    private readonly Meter _meter;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly ILogger<DischargeSummaryJob> _logger;
    private readonly Counter<long> _readmissions;

    public DischargeSummaryJob(IDischargeStore store, IGpLetterSender letters, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, ILogger<DischargeSummaryJob> logger)
    {
        _store = store;
        _letters = letters;
        _source = source;
        _meter = meter;
        _pseudonymizer = pseudonymizer;
        _logger = logger;
        _readmissions = meter.CreateCounter<long>("ward.readmissions", "{readmission}", "Readmissions within 30 days of a discharge.");
    }

    public async Task RunAsync(DateOnly day, CancellationToken cancellationToken)
    {
        using var run = _source.StartWardReportRun(WardReportKind.Discharge, spanName: $"ward.discharge.summary {day:yyyy-MM-dd}"); // clean generated-api
        var from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var discharges = await _store.DischargedBetweenAsync(from, from.AddDays(1), cancellationToken);
        var lastMonth = await _store.DischargedBetweenAsync(from.AddDays(-30), from, cancellationToken);

        var patientCount = discharges.Select(d => d.HospitalNumber).Distinct().Count();
        run.Activity?.SetTag("ward.discharge.patient_count", patientCount); // clean precision-names

        var stays = discharges.Select(d => new { d.WardCode, d.Specialty, Days = (d.DischargedAt - d.AdmittedAt).TotalDays }).ToList();
        stays.ForEach(s => _meter.CreateWardStayLengthHistogram().Record(s.Days, s.WardCode, s.Specialty)); // clean cross-member
        var bedDays = stays.Aggregate(0.0, (total, s) => total + s.Days);
        run.SetWardNote($"{discharges.Count} discharges, {bedDays:F0} bed days, median {Median(stays.Select(s => s.Days)):F1} days"); // clean generated-api
        _logger.LogInformation("Discharges by destination {@Destinations}", discharges.GroupBy(d => d.Destination).Select(g => new { Destination = g.Key, Count = g.Count() })); // clean logging-objects

        foreach (var practice in discharges.GroupBy(d => d.GpPracticeCode))
        {
            foreach (var chunk in practice.Chunk(25))
            {
                var receipts = await _letters.SendAsync(practice.Key, chunk, cancellationToken);
                var rejected = chunk.Zip(receipts).Where(p => !p.Second.Accepted).ToList();
                _logger.LogInformation("Practice {Practice}: {Sent} letters, {Rejected} rejected", practice.Key, chunk.Length, rejected.Count); // clean precision-about
                foreach (var (discharge, receipt) in rejected)
                {
                    _logger.LogWarning("Letter {Letter} for NHS number {Nhs} rejected by {Practice}: {Code}", receipt.LetterId, discharge.NhsNumber, practice.Key, receipt.RejectionCode); // leak TC1001 direct
                }
                run.Activity?.SetTag("ward.letters.rejection_codes", string.Join(",", rejected.Select(p => p.Second.RejectionCode).Distinct())); // clean strings
            }
        }

        Dictionary<string, Discharge> latestByPatient;
        try
        {
            latestByPatient = lastMonth.ToDictionary(d => d.HospitalNumber);
        }
        catch (ArgumentException ex)
        {
            // Two discharges of one patient in the month: keep the latest of each.
            _logger.LogWarning(ex, "Repeated discharges in the last 30 days; keeping the latest"); // leak TC1001 exceptions
            latestByPatient = lastMonth.GroupBy(d => d.HospitalNumber).ToDictionary(g => g.Key, g => g.MaxBy(d => d.DischargedAt)!);
        }

        var readmissions = (
            from later in discharges
            join earlier in latestByPatient.Values on later.HospitalNumber equals earlier.HospitalNumber
            where later.AdmittedAt - earlier.DischargedAt < TimeSpan.FromDays(30)
            select (Earlier: earlier, Later: later)).ToList();
        _logger.LogInformation("{Count} readmissions within 30 days of {Discharges} discharges", readmissions.Count, discharges.Count);
        _logger.LogInformation("Readmissions: {Readmissions}", readmissions.Select(r => (r.Later.HospitalNumber, From: r.Earlier.WardCode, To: r.Later.WardCode))); // leak TC1001 logging-objects
        _logger.LogInformation("Readmission routes: {Routes}", readmissions.Select(r => (From: r.Earlier.WardCode, To: r.Later.WardCode)).Distinct()); // clean logging-objects

        foreach (var (earlier, later) in readmissions)
        {
            using var review = _source.StartWardStayReview(_pseudonymizer.PseudonymizeWardPatientId(later.HospitalNumber), later.WardCode); // clean precision-pseudonym
            review.SetWardClinicianId(_pseudonymizer.PseudonymizeWardClinicianId(later.ConsultantStaffNumber)); // clean precision-pseudonym
            review.SetWardNote($"readmitted after {(later.AdmittedAt - earlier.DischargedAt).TotalDays:F0} days, first stay on {earlier.WardCode}"); // clean generated-api
            review.Activity?.SetTag(WardAttributes.PatientNhsNumber, later.NhsNumber); // leak TC1001 generated-api
            _readmissions.Add(1, new KeyValuePair<string, object?>("ward.code", later.WardCode), new KeyValuePair<string, object?>("ward.consultant", _pseudonymizer.ComputeWardClinicianId(later.ConsultantStaffNumber))); // leak TC1003 precision-pseudonym
            _readmissions.Add(1, new KeyValuePair<string, object?>("ward.code", later.WardCode), new KeyValuePair<string, object?>("ward.specialty", later.Specialty)); // clean direct
        }

        var worst = discharges
            .GroupBy(d => d.ConsultantStaffNumber)
            .Select(g => new { Consultant = g.Key, Discharges = g.Count(), Readmitted = readmissions.Count(r => r.Later.ConsultantStaffNumber == g.Key) })
            .Where(x => x.Discharges >= 10)
            .OrderByDescending(x => (double)x.Readmitted / x.Discharges)
            .Take(3)
            .ToList();
        _logger.LogInformation("Highest readmission rates {@Consultants}", worst); // leak TC1001 logging-objects
        run.Activity?.SetTag("ward.readmission.worst_consultant", worst.FirstOrDefault()?.Consultant); // leak TC1001 cross-member
        _logger.LogInformation("Highest readmission rates {Rates}", worst.Select(w => $"{_pseudonymizer.ComputeWardClinicianId(w.Consultant)}:{w.Readmitted}/{w.Discharges}")); // clean precision-pseudonym
        run.Activity?.SetTag("ward.readmission.worst_rate", worst.Select(w => (double)w.Readmitted / w.Discharges).DefaultIfEmpty().Max());

        var firstHome = discharges.Where(d => d.Destination == "usual-residence").OrderBy(d => d.DischargedAt).FirstOrDefault();
        if (firstHome is not null)
        {
            run.Activity?.SetTag("ward.discharge.first_home", firstHome.DischargedAt.ToString("HH:mm"));
            run.Activity?.SetTag("ward.discharge.first_home_patient", firstHome.FamilyName); // leak TC1001 direct
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
