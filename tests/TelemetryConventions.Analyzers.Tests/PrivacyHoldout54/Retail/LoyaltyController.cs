using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using PrivacyHoldout54.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout54.Retail;

/// <summary>A loyalty card number (16 digits).</summary>
public readonly struct LoyaltyCardNumber(string value) : IFormattable
{
    public string Value { get; } = value;

    public string LastFour => Value.Length >= 4 ? Value[^4..] : Value;

    /// <summary>"L4" prints the last four digits; anything else prints the number.</summary>
    public string ToString(string? format, IFormatProvider? formatProvider) => format == "L4" ? $"**** {LastFour}" : Value;

    public override string ToString() => Value;
}

public sealed record Accrual(Guid AccrualId, LoyaltyCardNumber Card, string StoreCode, int Points, string Campaign);

public sealed class LoyaltyShardKey(byte[] key)
{
    public byte[] Key { get; } = key;
}

public sealed partial class LoyaltyController(ILogger<LoyaltyController> logger, Meter meter, Pseudonymizer pseudonymizer, LoyaltyShardKey shardKey)
{
    private readonly Counter<long> _points = meter.CreateCounter<long>("shop.loyalty.points");

    [LoggerMessage(Level = LogLevel.Information, Message = "Points accrued on {Card} at {Store}")]
    private static partial void PointsAccrued(ILogger logger, LoyaltyCardNumber card, string store);

    [LoggerMessage(Level = LogLevel.Information, Message = "Accrual {Accrual} recorded")]
    private static partial void AccrualRecorded(ILogger logger, Accrual accrual);

    public void Accrue(Accrual accrual)
    {
        PointsAccrued(logger, accrual.Card, accrual.StoreCode); // leak TC1001 direct
        AccrualRecorded(logger, accrual); // leak TC1001 logging-objects
        logger.LogInformation("Accrual on {Card}", accrual.Card.ToString("L4", CultureInfo.InvariantCulture)); // clean precision-about
        logger.LogInformation("Accrual on {Card}", $"{accrual.Card:L4}"); // clean strings
        logger.LogInformation("Accrual on card {Card}", string.Format(CultureInfo.InvariantCulture, "{0}", accrual.Card)); // leak TC1001 strings

        var state = new Dictionary<string, object?>
        {
            ["store"] = accrual.StoreCode,
            ["points"] = accrual.Points,
            ["card"] = accrual.Card.Value,
        };
        logger.Log(LogLevel.Information, new EventId(4100, "LoyaltyAccrual"), state, null, static (s, _) => "Loyalty accrual"); // leak TC1001 logging-objects
        var summary = new Dictionary<string, object?> { ["store"] = accrual.StoreCode, ["points"] = accrual.Points, ["campaign"] = accrual.Campaign };
        logger.Log(LogLevel.Information, new EventId(4101, "LoyaltyAccrualSummary"), summary, null, static (s, _) => "Loyalty accrual"); // clean logging-objects

        logger.LogDebug("Accrual {Accrual}", new { accrual.AccrualId, accrual.StoreCode, accrual.Points });
        logger.LogDebug("Accrual {Accrual}", new { accrual.AccrualId, Card = accrual.Card.LastFour, accrual.Points }); // clean precision-about

        var hotlistKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(accrual.Card.Value)));
        Activity.Current?.SetTag("shop.loyalty.hotlist", hotlistKey); // leak TC1002 hashes
        var shard = HMACSHA256.HashData(shardKey.Key, Encoding.UTF8.GetBytes(accrual.Card.Value))[0] % 32;
        Activity.Current?.SetTag("shop.loyalty.shard", shard); // clean hashes
        _points.Add(accrual.Points, new KeyValuePair<string, object?>("shard", shard), new KeyValuePair<string, object?>("campaign", accrual.Campaign)); // clean hashes
        _points.Add(accrual.Points, new KeyValuePair<string, object?>("member", pseudonymizer.ComputeModelSubjectId(accrual.Card.Value))); // leak TC1003 precision-pseudonym
        logger.LogModelChangedEvent(nameof(Accrual), modelSubjectId: pseudonymizer.PseudonymizeModelSubjectId(accrual.Card.Value), modelNote: $"{accrual.Points} points in {accrual.Campaign}"); // clean precision-pseudonym
        logger.LogModelChangedEvent(nameof(Accrual), modelSubjectId: Pseudonym.FromComputed(accrual.Card.Value)); // leak TC1001 precision-pseudonym
    }
}
