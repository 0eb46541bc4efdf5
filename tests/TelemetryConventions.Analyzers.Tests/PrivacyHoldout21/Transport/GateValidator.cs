using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using PrivacyHoldout21.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout21.Transport;

/// <summary>A rail ticket as its Aztec barcode carries it (after the signature block is split off).</summary>
public sealed record AztecTicket(string TicketReference, string PassengerName, string? RailcardNumber, string Origin, string Destination, DateOnly ValidFrom, DateOnly ValidTo, string FareCode);

public static class AztecPayload
{
    /// <summary>Reads "TKT1|ref|name|railcard|origin|destination|from|to|fare|signature".</summary>
    public static (AztecTicket Ticket, string Signature) Parse(string payload)
    {
        var fields = payload.Split('|');
        if (fields.Length != 10 || fields[0] != "TKT1")
        {
            throw new FormatException($"Expected a TKT1 payload of 10 fields, got {fields.Length}");
        }

        var ticket = new AztecTicket(
            fields[1],
            fields[2],
            fields[3].Length == 0 ? null : fields[3],
            fields[4],
            fields[5],
            DateOnly.ParseExact(fields[6], "yyyyMMdd", CultureInfo.InvariantCulture),
            DateOnly.ParseExact(fields[7], "yyyyMMdd", CultureInfo.InvariantCulture),
            fields[8]);
        return (ticket, fields[9]);
    }
}

public interface ITicketSignatures
{
    bool Verify(AztecTicket ticket, string signature);
}

public enum GateDecision { Open, Reject, SeeStaff }

/// <summary>Validates what passengers present at the ticket gates: Aztec barcodes and ITSO smartcards.</summary>
public sealed class GateValidator(ITicketSignatures signatures, ISet<string> hotlist, Pseudonymizer pseudonymizer, Meter meter, ILogger<GateValidator> logger)
{
    private static readonly ActivitySource Source = new("Transit.Gates");

    public GateDecision ValidateBarcode(string gateId, string payload, DateOnly today)
    {
        using var span = Source.StartScanValidation("aztec");
        span.SetScanSource(gateId);
        AztecTicket ticket;
        string signature;
        try
        {
            (ticket, signature) = AztecPayload.Parse(payload);
        }
        catch (FormatException ex)
        {
            logger.LogWarning(ex, "Unreadable barcode at gate {GateId}", gateId); // clean exceptions
            logger.LogDebug("Unreadable payload {Payload}", payload); // leak TC1001 strings
            return GateDecision.Reject;
        }

        Activity.Current?.SetTag("ticket.reference", ticket.TicketReference); // clean direct
        Activity.Current?.SetTag("ticket.route", $"{ticket.Origin}-{ticket.Destination}"); // clean direct
        Activity.Current?.SetTag("ticket.fare_code", ticket.FareCode);
        if (!signatures.Verify(ticket, signature))
        {
            span.AddScanRejectedEvent("aztec", scanResult: "bad signature"); // clean generated-api
            logger.LogWarning("Signature check failed for {@Ticket}", ticket); // leak TC1001 logging-objects
            return GateDecision.SeeStaff;
        }

        if (ticket.RailcardNumber is { } railcard)
        {
            Activity.Current?.SetTag("ticket.railcard", railcard); // leak TC1001 direct
        }

        if (today < ticket.ValidFrom || today > ticket.ValidTo)
        {
            span.SetScanResult($"out of validity: {ticket.PassengerName}"); // leak TC1001 generated-api
            return GateDecision.Reject;
        }

        span.SetScanResult("accepted");
        return GateDecision.Open;
    }

    /// <summary>An ITSO shell reference number: IIN (6 digits), operator id (4), shell serial (8).</summary>
    public GateDecision ValidateItso(string gateId, string isrn)
    {
        using var span = Source.StartScanValidation("itso");
        span.SetScanSource(gateId);
        Activity.Current?.SetTag("itso.iin", isrn[..6]); // clean precision-about
        Activity.Current?.SetTag("itso.oid", isrn.Substring(6, 4)); // clean precision-about
        Activity.Current?.SetTag("itso.isrn", isrn); // leak TC1001 direct

        var hotlistKey = Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(isrn)));
        if (hotlist.Contains(hotlistKey))
        {
            logger.LogWarning("Hotlisted card {HotlistKey} at gate {GateId}", hotlistKey, gateId); // leak TC1002 hashes
            span.SetScanHolderId(pseudonymizer.PseudonymizeScanHolderId(isrn)); // clean precision-pseudonym
            meter.CreateScanReadsCounter().Add(1, "itso", scanSource: gateId, scanResult: "hotlisted"); // clean generated-api
            return GateDecision.SeeStaff;
        }

        meter.CreateScanReadsCounter().Add(1, "itso", scanSource: gateId, scanResult: pseudonymizer.ComputeScanHolderId(isrn)); // leak TC1003 precision-pseudonym
        logger.LogDebug("Card {CardRef} accepted at {GateId}", Convert.ToBase64String(Encoding.ASCII.GetBytes(isrn)), gateId); // leak TC1001 hashes
        return GateDecision.Open;
    }
}
