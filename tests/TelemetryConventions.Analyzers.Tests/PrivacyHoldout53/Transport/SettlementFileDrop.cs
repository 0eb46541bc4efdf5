using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyHoldout53.Telemetry;
using Renci.SshNet;
using Renci.SshNet.Common;
using TelemetryConventions;

namespace PrivacyHoldout53.Transport;

public sealed record TopUp(string TravelCardNumber, string RetailerId, decimal Amount, DateTimeOffset At, string ReceiptNumber);

public sealed class SettlementSftpOptions
{
    public string Host { get; set; } = "sftp.clearing.example";

    public string Username { get; set; } = "op-ga";

    public byte[] PrivateKey { get; set; } = [];
}

public sealed class HotlistFaultException(string message, string faultCode) : Exception(message)
{
    public string FaultCode { get; } = faultCode;
}

/// <summary>
/// The daily top-up settlement file for the operator's smartcards, dropped on the clearing house's
/// SFTP server, and the legacy SOAP hotlist service used when a card is reported stolen.
/// </summary>
public sealed class SettlementFileDrop(IOptions<SettlementSftpOptions> options, HttpClient hotlist, ILogger<SettlementFileDrop> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Transit.Revenue.Settlement");
    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    private static readonly XNamespace Hl = "urn:clearing:hotlist:2";

    public void DropTopUps(string operatorCode, DateOnly day, IReadOnlyList<TopUp> topUps)
    {
        var fileName = $"TOPUP_{operatorCode}_{day:yyyyMMdd}.csv";
        using var span = Source.StartPartnerCall("clearing-house-sftp", "drop-topups")
            .SetPartnerResource("/incoming/" + fileName); // clean direct

        var csv = new StringBuilder("card,retailer,amount,at,receipt\n");
        foreach (var topUp in topUps)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{topUp.TravelCardNumber},{topUp.RetailerId},{topUp.Amount},{topUp.At:O},{topUp.ReceiptNumber}\n");
        }

        var total = topUps.Sum(t => t.Amount);
        using var sftp = new SftpClient(options.Value.Host, 22, options.Value.Username, new PrivateKeyFile(new MemoryStream(options.Value.PrivateKey)));
        try
        {
            sftp.Connect();
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString()));
            sftp.UploadFile(stream, "/incoming/" + fileName);
            logger.LogPartnerFileDeliveredEvent("clearing-house-sftp", fileName, topUps.Count, partnerNote: $"total {total:0.00} GBP"); // clean generated-api
            logger.LogPartnerFileDeliveredEvent("clearing-house-sftp", fileName, topUps.Count, partnerNote: $"first card {topUps.FirstOrDefault()?.TravelCardNumber}"); // leak TC1001 generated-api
            logger.LogInformation("Top-ups by retailer {ByRetailer}", topUps.GroupBy(t => t.RetailerId).ToDictionary(g => g.Key, g => g.Count())); // clean logging-objects
            logger.LogDebug("Top-ups by card {ByCard}", topUps.GroupBy(t => t.TravelCardNumber).ToDictionary(g => g.Key, g => g.Sum(t => t.Amount))); // leak TC1001 logging-objects
        }
        catch (SshAuthenticationException ex)
        {
            logger.LogCritical(ex, "Clearing house SFTP refused our key as {User}", options.Value.Username); // clean exceptions
            throw;
        }
        catch (SshException ex)
        {
            span.RecordException(ex, includeMessage: true).SetPartnerOutcome("sftp-failed"); // clean exceptions
            logger.LogError(ex, "Settlement drop of {File} with {Count} top-ups failed", fileName, topUps.Count); // clean exceptions
            throw;
        }
    }

    /// <summary>Hotlists a smartcard reported lost or stolen (SOAP 1.1, the clearing house's legacy hotlist service).</summary>
    public async Task<bool> HotlistAsync(string travelCardNumber, string reasonCode, string reportedByEmail, CancellationToken cancellationToken)
    {
        var cardRef = pseudonymizer.PseudonymizePartnerSubjectId(travelCardNumber);
        using var span = Source.StartPartnerCall("clearing-house-hotlist", "add-to-hotlist")
            .SetPartnerSubjectId(cardRef); // clean precision-pseudonym
        Activity.Current?.SetTag("hotlist.reason", reasonCode); // clean direct
        Activity.Current?.SetTag("hotlist.reporter", reportedByEmail); // leak TC1001 direct

        var envelope = new XElement(Soap + "Envelope",
            new XElement(Soap + "Body",
                new XElement(Hl + "AddToHotlist",
                    new XElement(Hl + "CardNumber", travelCardNumber),
                    new XElement(Hl + "Reason", reasonCode))));
        using var response = await hotlist.PostAsync("HotlistService.asmx", new StringContent(envelope.ToString(), Encoding.UTF8, "text/xml"), cancellationToken);
        var reply = XDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var fault = reply.Descendants(Soap + "Fault").FirstOrDefault();
        if (fault is not null)
        {
            // The hotlist service's faultstring repeats the card it could not hotlist: "Card 6339… already hotlisted".
            var faultString = (string?)fault.Element("faultstring") ?? "fault";
            var faultCode = (string?)fault.Element("faultcode") ?? "soap:Server";
            logger.LogWarning("Hotlist fault {FaultCode}", faultCode); // clean exceptions
            logger.LogWarning("Hotlist fault {Fault}", fault.ToString(SaveOptions.DisableFormatting)); // leak TC1001 exceptions
            span.SetPartnerErrorCode(faultCode).SetPartnerNote(faultString); // leak TC1001 exceptions
            var exception = new HotlistFaultException(faultString, faultCode);
            logger.LogError(exception, "Hotlisting failed for {CardRef}", cardRef); // leak TC1001 exceptions
            return false;
        }

        logger.LogInformation("Card {CardRef} hotlisted for {Reason}", cardRef, reasonCode); // clean precision-pseudonym
        logger.LogInformation("Card ending {Last4} hotlisted, reporter domain {Domain}", travelCardNumber[^4..], reportedByEmail.Split('@')[1]); // clean precision-about
        logger.LogInformation("Hotlist request {Envelope}", envelope); // leak TC1001 strings
        return true;
    }
}
