using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using CommunityToolkit.Mvvm.ComponentModel;
using Microsoft.Extensions.Logging;
using Microsoft.Maui.Devices;
using PrivacyCorpus.Shared;
using Sentry;
using TelemetryConventions;
using ZXing.Net.Maui;

namespace PrivacyHoldout26.Healthcare;

/// <summary>A medicine pack's GS1 DataMatrix: product, batch and expiry.</summary>
public sealed record MedicationPack(string Gtin, string? Batch, DateOnly? Expiry);

public static class Gs1
{
    public static bool TryParse(string value, out MedicationPack pack)
    {
        pack = new MedicationPack(string.Empty, null, null);
        if (!value.StartsWith("01", StringComparison.Ordinal) || value.Length < 16)
        {
            return false;
        }

        var batchAt = value.IndexOf("10", 16, StringComparison.Ordinal);
        pack = new MedicationPack(value.Substring(2, 14), batchAt > 0 ? value[(batchAt + 2)..] : null, null);
        return true;
    }
}

/// <summary>The hospital number on the wristband does not match the chart the nurse has open.</summary>
public sealed class WristbandMismatchException(string scanned, string expected)
    : Exception($"Wristband {scanned} does not match the patient on the chart ({expected})");

public static partial class WardLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Dose of {Gtin} given to {HospitalNumber} on round {RoundId}")]
    public static partial void DoseGiven(ILogger logger, string gtin, [PrivateData] string hospitalNumber, string roundId);
}

/// <summary>
/// The medication round on the ward's handheld scanners (devices the trust owns, named by asset tag,
/// e.g. <c>WR-HH-0412</c>): the nurse scans the patient's wristband, then each pack.
/// </summary>
public sealed class MedicationRoundViewModel(
    ILogger<MedicationRoundViewModel> logger,
    IDeviceInfo handheld,
    Pseudonymizer pseudonymizer) : ObservableObject
{
    private static readonly ActivitySource Source = new("WardRounds.Handheld");
    private static readonly Meter Meter = new("WardRounds.Handheld");
    private static readonly Counter<long> Scans = Meter.CreateCounter<long>("wardrounds.scans", "{scan}");

    private readonly HashSet<string> _recentScans = new(StringComparer.Ordinal);
    private string? _verifiedHospitalNumber;

    public string RoundId { get; set; } = Guid.NewGuid().ToString("N")[..8];

    /// <summary>The hospital number of the chart open on the handheld.</summary>
    public string ChartHospitalNumber { get; set; } = string.Empty;

    public void OnBarcodesDetected(object? sender, BarcodeDetectionEventArgs e)
    {
        foreach (var result in e.Results)
        {
            Scans.Add(1, new KeyValuePair<string, object?>("barcode.format", result.Format.ToString()), new KeyValuePair<string, object?>("handheld", handheld.Name)); // clean precision-names
            if (!_recentScans.Add(result.Value))
            {
                var scanKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(result.Value)))[..12];
                logger.LogDebug("Duplicate scan suppressed ({ScanKey})", scanKey); // leak TC1002 hashes
                continue;
            }

            if (result.Format == BarcodeFormat.DataMatrix && Gs1.TryParse(result.Value, out var pack))
            {
                RecordDose(pack);
                continue;
            }

            VerifyWristband(result.Value);
        }
    }

    private void VerifyWristband(string scanned)
    {
        using var activity = Source.StartActivity("wristband.verify");
        activity?.SetTag("wristband.length", scanned.Length);
        activity?.SetTag("wristband.barcode", scanned); // leak TC1001 precision-names
        try
        {
            if (!string.Equals(scanned, ChartHospitalNumber, StringComparison.OrdinalIgnoreCase))
            {
                throw new WristbandMismatchException(scanned, ChartHospitalNumber);
            }

            _verifiedHospitalNumber = scanned;
            activity?.SetTag("patient.ref", pseudonymizer.Pseudonymize("patient.hospital_number", scanned).Value); // clean precision-pseudonym
        }
        catch (WristbandMismatchException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Wristband check failed ({ExceptionType}) on handheld {Handheld}", ex.GetType().Name, handheld.Name); // clean exceptions
            SentrySdk.CaptureException(ex); // leak TC1001 exceptions
        }
    }

    private void RecordDose(MedicationPack pack)
    {
        if (_verifiedHospitalNumber is null)
        {
            logger.LogWarning("Pack {Gtin} scanned before a wristband", pack.Gtin);
            return;
        }

        WardLog.DoseGiven(logger, pack.Gtin, _verifiedHospitalNumber, RoundId); // clean direct
        SentrySdk.AddBreadcrumb($"dose {pack.Gtin} batch {pack.Batch}", "round");
    }
}
