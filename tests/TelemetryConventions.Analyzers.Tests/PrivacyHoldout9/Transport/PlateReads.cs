using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using PrivacyHoldout9.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout9.Transport;

/// <summary>Reads the toll cameras' XML batches and charges the matching accounts.</summary>
public sealed class TollBatchProcessor(ILogger<TollBatchProcessor> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Tolling.Batches");
    private static readonly Regex PlateLine = new(@"^(?<gantry>G\d{3})\s+(?<plate>[A-Z0-9]{2,8})\s+(?<ts>\S+)$", RegexOptions.Compiled);

    public static IEnumerable<(string Gantry, string Plate, DateTimeOffset At)> ReadCameraLog(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            var match = PlateLine.Match(line);
            if (match.Success)
            {
                yield return (match.Groups["gantry"].Value, match.Groups["plate"].Value, DateTimeOffset.Parse(match.Groups["ts"].Value));
            }
        }
    }

    public void Process(XDocument batch, IReadOnlyDictionary<string, string> accountByPlate)
    {
        using var job = Source.StartIntakeJob("camera-batch");
        var activity = Activity.Current;
        var reads = batch.Root!.Elements("Read").Select(e => (Gantry: (string)e.Attribute("gantry")!, Plate: e.Element("Plate")!.Value, Confidence: (double)e.Element("Confidence")!)).ToList();
        job.SetIntakeBatchSize(reads.Count);
        activity?.SetTag("toll.gantries", reads.Select(r => r.Gantry).Distinct().Count()); // clean precision-about
        foreach (var read in reads)
        {
            if (read.Confidence < 0.8)
            {
                logger.LogInformation("Low confidence {Confidence} on plate {Plate} at {Gantry}", read.Confidence, read.Plate, read.Gantry); // leak TC1001 direct
                continue;
            }

            if (!accountByPlate.TryGetValue(read.Plate, out var account))
            {
                job.AddIntakeRowRejectedEvent($"no account for {read.Plate}"); // leak TC1001 generated-api
                activity?.SetTag("toll.unmatched_gantry", read.Gantry); // clean direct
                continue;
            }

            activity?.SetTag("toll.account_found", true); // clean precision-about
            activity?.SetTag("toll.account", account); // leak TC1001 direct
            activity?.SetTag("toll.account_subject", pseudonymizer.ComputeIntakeSubjectId(account)); // clean precision-pseudonym
        }
    }

    public void ProcessCameraLog(IEnumerable<string> lines)
    {
        var reads = ReadCameraLog(lines).ToList();
        var activity = Activity.Current;
        foreach (var group in reads.GroupBy(r => r.Gantry))
        {
            activity?.AddEvent(new ActivityEvent("gantry.reads", tags: new ActivityTagsCollection { ["gantry"] = group.Key, ["reads"] = group.Count() })); // clean cross-member
        }

        var latest = reads.OrderByDescending(r => r.At).FirstOrDefault();
        activity?.SetTag("toll.latest_plate", latest.Plate); // leak TC1001 cross-member
        activity?.SetTag("toll.latest_at", latest.At.ToString("O")); // clean cross-member
        var plateShort = Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(latest.Plate ?? string.Empty)))[..10];
        activity?.SetTag("toll.latest_plate_hash", plateShort); // leak TC1002 hashes
        activity?.SetTag("toll.plate_length_max", reads.Count == 0 ? 0 : reads.Max(r => r.Plate.Length)); // clean precision-about
    }
}

/// <summary>Validates travel-card taps forwarded by the ticket gates.</summary>
public sealed class CardTapValidator(ILogger<CardTapValidator> logger)
{
    public void Validate(string cardNumber, string stationCode)
    {
        using var scope = logger.BeginScope("Tap at {Station} with card {Card}", stationCode, cardNumber); // leak TC1001 strings
        Activity.Current?.SetTag("tap.card_last4", cardNumber[^4..]); // clean precision-about
        Activity.Current?.SetTag("tap.station", stationCode); // clean direct
        if (cardNumber.Length != 16)
        {
            throw new ArgumentException($"Card number {cardNumber} has the wrong length", nameof(cardNumber));
        }
    }

    public void ValidateSafely(string cardNumber, string stationCode)
    {
        try
        {
            Validate(cardNumber, stationCode);
        }
        catch (ArgumentException ex)
        {
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            logger.LogWarning("Tap rejected: {Error}", ex.GetType().Name); // clean exceptions
            Activity.Current?.SetTag("tap.card_number_valid", false); // clean precision-names
        }
    }
}
