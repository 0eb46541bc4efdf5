using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.IO;
using Microsoft.Extensions.Logging;
using PrivacyHoldout21.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout21.Energy;

public sealed record MeterReading(string MpanCore, string MeterSerial, string RegisterId, DateTime ReadAt, decimal Value, string ReadingMethod);

/// <summary>A flow file breaks the DTC structure; the message says where.</summary>
public sealed class FlowFormatException(string message) : Exception(message);

/// <summary>Reads D0010 (meter readings) flows received over the data transfer network.</summary>
public sealed class D0010FlowReader(Pseudonymizer pseudonymizer, Meter meter, ILogger<D0010FlowReader> logger)
{
    private static readonly ActivitySource Source = new("Supply.Dtc");
    private static readonly int[] MpanWeights = [3, 5, 7, 13, 17, 19, 23, 29, 31, 37, 41, 43];

    public IReadOnlyList<MeterReading> Read(TextReader flow)
    {
        using var span = Source.StartInterchangeMessage("dtc", "D0010");
        var headerLine = flow.ReadLine() ?? throw new FlowFormatException("Empty flow file");
        var zhv = headerLine.Split('|');
        span.SetInterchangeControlRef(zhv[1]);
        span.SetInterchangePartner($"{zhv[3]}:{zhv[4]}"); // clean generated-api
        logger.LogDebug("Flow header {Header}", headerLine); // clean strings

        var readings = new List<MeterReading>();
        string? mpan = null;
        string? serial = null;
        var groups = 1;
        var lineNumber = 1;
        try
        {
            for (var line = flow.ReadLine(); line is not null; line = flow.ReadLine())
            {
                lineNumber++;
                groups++;
                var fields = line.Split('|');
                switch (fields[0])
                {
                    case "026":
                        mpan = fields[1];
                        if (!HasValidCheckDigit(mpan))
                        {
                            logger.LogWarning("Group 026 fails the MPAN check digit: {Line}", line); // leak TC1001 strings
                        }

                        Activity.Current?.SetTag("dtc.mpan.distributor", mpan[..2]); // clean precision-about
                        break;
                    case "028":
                        serial = fields[1];
                        logger.LogDebug("Meter {Msn} on supply point {Mpan}", serial, mpan); // leak TC1001 direct
                        Activity.Current?.SetTag("dtc.meter.model", serial[..3]); // clean precision-about
                        break;
                    case "030":
                        decimal value;
                        try
                        {
                            value = decimal.Parse(fields[3], NumberStyles.Number, CultureInfo.InvariantCulture);
                        }
                        catch (FormatException ex)
                        {
                            logger.LogWarning(ex, "Register {RegisterId} reading unreadable at line {LineNumber}", fields[1], lineNumber); // clean exceptions
                            continue;
                        }

                        if (mpan is null || serial is null)
                        {
                            throw new FlowFormatException($"Group 030 at line {lineNumber} precedes its 026 and 028 groups");
                        }

                        if (value < 0)
                        {
                            throw new FlowFormatException($"Negative register reading for meter {serial}");
                        }

                        var readAt = DateTime.ParseExact(fields[2], "yyyyMMddHHmmss", CultureInfo.InvariantCulture);
                        readings.Add(new MeterReading(mpan, serial, fields[1], readAt, value, fields[7]));
                        break;
                    case "ZPT":
                        var declared = int.Parse(fields[2], CultureInfo.InvariantCulture);
                        if (declared != groups)
                        {
                            logger.LogWarning("Trailer declares {Declared} groups, file has {Groups}", declared, groups); // clean precision-about
                        }

                        break;
                }
            }
        }
        catch (FlowFormatException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            throw;
        }

        span.SetInterchangeSegmentCount(groups);
        if (mpan is not null)
        {
            span.SetInterchangeSubjectId(pseudonymizer.PseudonymizeInterchangeSubjectId(mpan)); // clean precision-pseudonym
        }

        meter.CreateInterchangeMessagesCounter().Add(readings.Count, "dtc", "D0010", interchangeOutcome: serial); // leak TC1003 generated-api
        return readings;
    }

    private static bool HasValidCheckDigit(string mpanCore)
    {
        if (mpanCore.Length != 13)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += (mpanCore[i] - '0') * MpanWeights[i];
        }

        return sum % 11 % 10 == mpanCore[12] - '0';
    }
}
