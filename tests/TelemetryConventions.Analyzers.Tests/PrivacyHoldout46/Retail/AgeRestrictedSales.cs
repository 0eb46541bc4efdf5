using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout46.Support.Legal;
using PrivacyHoldout46.Telemetry;

namespace PrivacyHoldout46.Retail;

/// <summary>What the till's ID scanner reads from a driving licence, a passport or a PASS card.</summary>
public sealed record IdScan(string DocumentType, string DocumentNumber, string Surname, DateOnly DateOfBirth);

/// <summary>A sale of an age-restricted product at a till, with the Challenge 25 decision.</summary>
public sealed record AgeRestrictedSale(string StoreNumber, string TillId, string ColleagueNumber, string ColleagueName, string ProductCategory, int MinimumAge, IdScan? Scan, bool TestPurchase);

/// <summary>The ID scanner's error: a fixed text for the fault (<c>Document not recognised</c>, <c>Scanner offline</c>).</summary>
public sealed class IdScannerException(string fault) : Exception($"ID scanner: {fault}");

public static partial class RefusalsLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Refusal of {Category} at {StoreNumber} by colleague {ColleagueNumber}")]
    public static partial void Refused(ILogger logger, string category, string storeNumber, [PrivateData] string colleagueNumber);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Test purchase of {Category} failed at {StoreNumber}, served by {ColleagueName}")]
    public static partial void TestPurchaseFailed(ILogger logger, string category, string storeNumber, string colleagueName);
}

/// <summary>
/// The till's Challenge 25 flow: the colleague asks for ID when the customer looks under 25, the
/// scanner reads it, and the refusals register keeps every refusal for the licensing authority.
/// Trading standards test purchases are flagged by the till when the volunteer's card is scanned.
/// </summary>
public sealed class Challenge25Service(
    ILogger<Challenge25Service> logger,
    IRegulatorPortalClient tradingStandards,
    TimeProvider time,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Retail.Tills");

    public async Task<bool> DecideAsync(AgeRestrictedSale sale, Func<IdScan?> scanId, CancellationToken cancellationToken)
    {
        using var check = Source.StartScreeningCheck("challenge-25");
        Activity.Current?.SetTag("till.id", sale.TillId);
        IdScan? scan;
        try
        {
            scan = sale.Scan ?? scanId();
        }
        catch (IdScannerException ex)
        {
            logger.LogWarning(ex, "ID scanner fault at {StoreNumber}/{TillId}", sale.StoreNumber, sale.TillId); // clean exceptions
            scan = null;
        }

        var served = false;
        if (scan is not null)
        {
            logger.LogDebug("ID scanned at {TillId}: {@Scan}", sale.TillId, scan); // leak TC1001 logging-objects
            var age = AgeOn(scan.DateOfBirth, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
            Activity.Current?.SetTag("id.age", age); // clean precision-about
            Activity.Current?.SetTag("id.document_type", scan.DocumentType); // clean precision-about
            Activity.Current?.SetTag("id.surname", scan.Surname); // leak TC1001 direct
            // Repeat attempts with the same document across tills are flagged by its digest.
            Activity.Current?.SetTag("id.document.digest", Convert.ToHexString(MD5.HashData(Encoding.ASCII.GetBytes(scan.DocumentNumber)))); // leak TC1002 hashes
            served = age >= sale.MinimumAge;
        }

        check.SetScreeningResult(served ? "served" : "refused");
        meter.CreateScreeningChecksCounter().Add(1, "challenge-25", served ? "served" : "refused"); // clean generated-api
        if (!served)
        {
            RefusalsLog.Refused(logger, sale.ProductCategory, sale.StoreNumber, sale.ColleagueNumber); // clean direct
            logger.LogInformation("Refusal register entry: till {TillId}, colleague {ColleagueNumber}", sale.TillId, sale.ColleagueNumber); // leak TC1001 direct
        }

        if (sale.TestPurchase && served)
        {
            RefusalsLog.TestPurchaseFailed(logger, sale.ProductCategory, sale.StoreNumber, sale.ColleagueName); // leak TC1001 direct
            using var notification = Source.StartRegulatorNotification("trading-standards");
            notification.SetIncidentNote($"test purchase of {sale.ProductCategory} served at till {sale.TillId}"); // clean generated-api
            var receipt = await tradingStandards.SubmitAsync(new RegulatorSubmission("trading-standards", "failed-test-purchase", time.GetUtcNow(), 0, $"{sale.ProductCategory} at {sale.StoreNumber}", "Licensing Team", "licensing@retailer.example"), cancellationToken);
            notification.SetRegulatorReference(receipt.Reference);
        }

        return served;
    }

    private static int AgeOn(DateOnly dateOfBirth, DateOnly today)
    {
        var age = today.Year - dateOfBirth.Year;
        return dateOfBirth > today.AddYears(-age) ? age - 1 : age;
    }
}
