using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using TelemetryConventions;

namespace PrivacyCorpus.Healthcare;

public sealed record BedAssignment(string Ward, int BedNumber, string Mrn, DateTimeOffset AdmittedAt, string AgeBand);

/// <summary>Publishes ward occupancy and handles discharges; a singleton fed by the ADT feed.</summary>
public sealed class WardOccupancyMonitor
{
    private static readonly ActivitySource Source = new("Clinic.Wards");

    private readonly List<BedAssignment> _beds = new();
    private readonly Gauge<int> _occupancy;
    private readonly Counter<long> _discharges;
    private readonly ILogger<WardOccupancyMonitor> _logger;
    private readonly TelemetrySecrets _secrets;

    public WardOccupancyMonitor(IMeterFactoryLike meters, ILogger<WardOccupancyMonitor> logger, TelemetrySecrets secrets)
    {
        _logger = logger;
        _secrets = secrets;
        var meter = meters.Create("Clinic.Wards");
        _occupancy = meter.CreateGauge<int>("clinic.ward.occupancy", "{bed}");
        _discharges = meter.CreateCounter<long>("clinic.discharges", "{patient}", "Discharges", tags: new[] { new KeyValuePair<string, object?>("clinic.site", "north") }); // clean direct
        meter.CreateObservableGauge("clinic.ward.longest_stay", () => _beds.Select(b => new Measurement<double>((DateTimeOffset.UtcNow - b.AdmittedAt).TotalHours, new KeyValuePair<string, object?>("clinic.ward", b.Ward))), "h"); // clean direct
        meter.CreateObservableGauge("clinic.patient.stay", () => _beds.Select(b => new Measurement<double>((DateTimeOffset.UtcNow - b.AdmittedAt).TotalHours, new KeyValuePair<string, object?>("clinic.patient.mrn", b.Mrn))), "h"); // leak TC1003 cross-member
    }

    public void Admit(BedAssignment bed)
    {
        _beds.Add(bed);
        _occupancy.Record(_beds.Count(b => b.Ward == bed.Ward), new KeyValuePair<string, object?>("clinic.ward", bed.Ward)); // clean direct
        Activity.Current?.SetTag("clinic.bed.number", bed.BedNumber); // clean precision-names
        Activity.Current?.SetTag("clinic.patient.age_band", bed.AgeBand); // clean precision-about
        Activity.Current?.SetBaggage("clinic.mrn", bed.Mrn); // leak TC1001 direct
    }

    public void Discharge(string mrn, ActivityContext admissionContext)
    {
        var links = new[] { new ActivityLink(admissionContext, new ActivityTagsCollection { { "clinic.link.patient", mrn } }) }; // leak TC1001 direct
        using var activity = Source.StartActivity(ActivityKind.Internal, links: links, name: "discharge");
        if (activity is not null)
        {
            activity.DisplayName = $"discharge {mrn}"; // leak TC1001 strings
        }

        using var manual = new Activity("discharge-" + mrn); // leak TC1001 strings
        var bed = _beds.FirstOrDefault(b => b.Mrn == mrn);
        _discharges.Add(1, new KeyValuePair<string, object?>("clinic.ward", bed?.Ward ?? "unknown")); // clean precision-about
        activity?.SetTag("clinic.discharge.md5", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(mrn)))); // leak TC1002 hashes
        using var sha = SHA256.Create();
        activity?.SetTag("clinic.discharge.sha", Convert.ToHexString(sha.ComputeHash(Encoding.UTF8.GetBytes(mrn)))); // leak TC1002 hashes
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _secrets.PseudonymKey);
        hmac.AppendData(Encoding.UTF8.GetBytes(mrn));
        activity?.SetTag("clinic.discharge.ref", Convert.ToBase64String(hmac.GetHashAndReset())); // clean hashes
        _logger.LogInformation("Discharged from {Ward}, bed {BedNumber}", bed?.Ward, bed?.BedNumber); // clean precision-names
        _beds.RemoveAll(b => b.Mrn == mrn);
    }
}

/// <summary>The meter factory as the host provides it.</summary>
public interface IMeterFactoryLike
{
    Meter Create(string name);
}
