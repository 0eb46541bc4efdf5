using System.Globalization;

namespace PrivacyHoldout38.Energy;

public sealed class ReadingRejectedException(string meterSerial, decimal kwh)
    : Exception($"Reading of {kwh} kWh for meter {meterSerial} is below the last accepted reading");

/// <summary>Reads the smart-meter gateway's CSV lines: serial, MPAN, register, kWh, read time.</summary>
public sealed class ReadingIngestor(ActivitySource source, ILogger<ReadingIngestor> logger, Meter meter, Pseudonymizer pseudonymizer)
{
    public void Ingest(string line, decimal lastAccepted)
    {
        using var activity = source.StartActivity("readings.ingest");
        var started = Stopwatch.GetTimestamp();

        if (line.Split(',') is not [var serial, var mpan, var register, var kwhText, ..])
        {
            logger.LogWarning("Skipped a line of {Length} characters", line.Length); // clean precision-about
            return;
        }

        activity?.DisplayName = $"reading {serial}"; // leak TC1001 strings
        var (model, distributor) = (serial[..3], mpan.Distributor);
        activity?.SetTag("meter.model", model); // clean precision-about
        activity?.SetTag("energy.distributor", distributor); // clean precision-about
        activity?.SetTag("energy.register", register); // clean direct
        activity?.SetTag(PartyAttributes.Ref, pseudonymizer.ComputePartyRef(mpan)); // clean precision-pseudonym

        try
        {
            var kwh = decimal.Parse(kwhText, CultureInfo.InvariantCulture);
            if (kwh < lastAccepted)
            {
                throw new ReadingRejectedException(serial, kwh);
            }
        }
        catch (FormatException ex)
        {
            logger.LogWarning(ex, "Unreadable register value on {Register}", register); // clean exceptions
        }
        catch (ReadingRejectedException ex)
        {
            logger.LogWarning(ex, "Reading rejected"); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, nameof(ReadingRejectedException)); // clean exceptions
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        meter.CreateOperationDurationHistogram().Record(seconds, "ingest", operationOutcome: model); // clean generated-api
        meter.CreateOperationDurationHistogram().Record(seconds, "ingest", operationOutcome: $"late:{serial}"); // leak TC1003 generated-api
    }
}
