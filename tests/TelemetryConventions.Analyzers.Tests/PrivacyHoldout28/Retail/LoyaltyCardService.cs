#nullable disable
using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using PrivacyHoldout28.Support.Common;
using PrivacyHoldout28.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout28.Retail;

public class Receipt
{
    public string ReceiptNumber { get; set; }

    public string StoreCode { get; set; }

    public int Till { get; set; }

    public decimal Total { get; set; }

    public string CardLastFour { get; set; }

    public string LoyaltyNumber { get; set; }

    public int PointsEarned { get; set; }

    public override string ToString()
    {
        return String.Format(CultureInfo.InvariantCulture, "Receipt {0} store {1} till {2}: {3:0.00} (card ****{4}, {5} pts)", ReceiptNumber, StoreCode, Till, Total, CardLastFour, PointsEarned);
    }
}

public partial class LoyaltyCardService
{
    private static readonly AppLogger _log = AppLogger.For(typeof(LoyaltyCardService));
    private static readonly Meter ShopMeter = new Meter("Contoso.Shop");
    private static readonly Counter<long> PointsAwarded = ShopMeter.CreateCounter<long>("shop.loyalty.points");

    private readonly ILogger _logger;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly OrderDal _orders;

    public LoyaltyCardService(ILogger<LoyaltyCardService> logger, Pseudonymizer pseudonymizer, OrderDal orders)
    {
        _logger = logger;
        _pseudonymizer = pseudonymizer;
        _orders = orders;
    }

    /// <summary>Card numbers are "LC" and twelve digits; the tills send them with spaces.</summary>
    public static bool TryParseCardNumber(string input, out string cardNumber)
    {
        cardNumber = null;
        if (input == null)
        {
            return false;
        }

        string compact = input.Replace(" ", string.Empty).ToUpperInvariant();
        if (compact.Length != 14 || !compact.StartsWith("LC", StringComparison.Ordinal))
        {
            return false;
        }

        cardNumber = compact;
        return true;
    }

    /// <summary>The till posts the basket as a form: receipt, store, till, total, card, loyalty.</summary>
    public Receipt AwardPoints(NameValueCollection form)
    {
        Receipt receipt = new Receipt();
        receipt.ReceiptNumber = form["receipt"];
        receipt.StoreCode = form["store"];
        receipt.Till = int.Parse(form["till"], CultureInfo.InvariantCulture);
        receipt.Total = decimal.Parse(form["total"], CultureInfo.InvariantCulture);
        receipt.CardLastFour = form["card"] == null ? null : form["card"].Substring(form["card"].Length - 4);

        string loyaltyNumber;
        if (!TryParseCardNumber(form["loyalty"], out loyaltyNumber))
        {
            _log.Warn("Receipt " + receipt.ReceiptNumber + " has no valid loyalty card (" + (form["loyalty"] ?? "none") + ")"); // leak TC1001 strings
            return receipt;
        }

        receipt.LoyaltyNumber = loyaltyNumber;
        string tier = TierOf(loyaltyNumber);
        int multiplier;
        switch (tier)
        {
            case "GOLD":
                multiplier = 3;
                break;
            case "SILVER":
                multiplier = 2;
                break;
            default:
                multiplier = 1;
                break;
        }

        receipt.PointsEarned = (int)Math.Floor(receipt.Total) * multiplier;
        Activity activity = Activity.Current;
        if (activity != null)
        {
            activity.SetTag("shop.customer.tier", tier); // clean precision-names
            activity.SetTag("shop.loyalty.card", Md5Short(loyaltyNumber)); // leak TC1002 hashes
            activity.SetTag("shop.loyalty.ref", _pseudonymizer.ComputeLegacySubjectId(loyaltyNumber)); // clean precision-pseudonym
            activity.SetTag("shop.receipt", receipt.ToString()); // clean logging-objects
        }

        PointsAwarded.Add(receipt.PointsEarned, new KeyValuePair<string, object>("tier", tier), new KeyValuePair<string, object>("store", receipt.StoreCode)); // clean precision-about
        LogPointsAwarded(_logger, loyaltyNumber, receipt.PointsEarned, receipt.StoreCode); // leak TC1001 direct
        return receipt;
    }

    public void Redeem(string loyaltyNumber, int points)
    {
        try
        {
            if (IsBlocked(loyaltyNumber))
            {
                throw new LoyaltyCardBlockedException(loyaltyNumber);
            }

            // ... UPDATE dbo.LOYALTY SET BALANCE = BALANCE - @Points
        }
        catch (ShopException ex)
        {
            _logger.LogWarning("Redemption of {Points} point(s) refused: {Reason}", points, ex.Message); // leak TC1001 exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
        }
    }

    private static string TierOf(string loyaltyNumber)
    {
        // Cards issued from LC9 onwards are the gold range.
        return loyaltyNumber[2] == '9' ? "GOLD" : loyaltyNumber[2] == '8' ? "SILVER" : "STANDARD";
    }

    private static bool IsBlocked(string loyaltyNumber)
    {
        return loyaltyNumber.EndsWith("0000", StringComparison.Ordinal);
    }

    private static string Md5Short(string value)
    {
        byte[] hash = MD5.HashData(Encoding.UTF8.GetBytes(value));
        return Convert.ToHexString(hash, 0, 6);
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Awarded {Points} point(s) to card {LoyaltyNumber} at {Store}")]
    private static partial void LogPointsAwarded(ILogger logger, string loyaltyNumber, int points, string store);
}
