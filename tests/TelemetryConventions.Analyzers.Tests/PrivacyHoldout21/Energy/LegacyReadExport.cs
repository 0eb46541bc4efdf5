using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout21.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout21.Energy;

/// <summary>
/// Reads the nightly fixed-width export of the legacy billing system: record type (2), MPAN core (13),
/// meter serial (10), register (2), read time (14), reading (11, one implied decimal), read type (1),
/// account number (8).
/// </summary>
public sealed class LegacyReadExport(Pseudonymizer pseudonymizer, ILogger<LegacyReadExport> logger)
{
    public const int RecordLength = 61;
    private static readonly ActivitySource Source = new("Supply.LegacyBilling");

    public async Task<int> ImportAsync(StreamReader export)
    {
        using var span = Source.StartInterchangeMessage("legacy-fixed", "RD");
        var imported = 0;
        string? line;
        while ((line = await export.ReadLineAsync()) is not null)
        {
            logger.LogTrace("Record {RecordType} of length {Length}", line[..Math.Min(2, line.Length)], line.Length); // clean precision-about
            if (line.Length < RecordLength)
            {
                logger.LogWarning("Short record skipped: {Record}", line); // leak TC1001 strings
                continue;
            }

            if (line[..2] != "RD")
            {
                continue;
            }

            var mpan = line.Substring(2, 13);
            var serial = line.Substring(15, 10).Trim();
            var register = line.Substring(25, 2);
            var reading = decimal.Parse(line.AsSpan(41, 11), NumberStyles.Integer, CultureInfo.InvariantCulture) / 10m;
            var readType = line[52];
            var accountNumber = line[53..61].Trim();

            Activity.Current?.SetTag("billing.account_number", accountNumber); // leak TC1001 direct
            Activity.Current?.SetTag("meter.msn", serial); // leak TC1001 direct
            Activity.Current?.SetTag("meter.register", register);
            Activity.Current?.SetTag("meter.read_type", readType.ToString()); // clean precision-about
            Activity.Current?.SetTag("meter.point.ref", Convert.ToBase64String(Encoding.ASCII.GetBytes(mpan))); // leak TC1001 hashes
            span.SetInterchangeSubjectId(Pseudonym.FromComputed(accountNumber)); // leak TC1001 precision-pseudonym
            logger.LogDebug("Reading {Reading} kWh for {Account}", reading, pseudonymizer.ComputeInterchangeSubjectId(accountNumber)); // clean precision-pseudonym
            imported++;
        }

        span.SetInterchangeSegmentCount(imported);
        return imported;
    }
}
