using System;
using System.Collections.Generic;
using System.Linq;

namespace PrivacyHoldout59.Transport;

public sealed record TapEvent(
    string TapId,
    string CardNumber,
    Guid? RiderId,
    string? RiderEmail,
    string ReaderId,
    string Operator,
    string StopCode,
    string Zone,
    string Mode,
    string Concession,
    DateTimeOffset At)
{
    public string CardLastFour => CardNumber[^4..];
}

public sealed class TapTelemetryOptions
{
    public const string Section = "Telemetry:Taps";

    /// <summary>Names from <see cref="TapFields.Catalogue"/> each operator wants on its spans.</summary>
    public Dictionary<string, List<string>> OperatorFields { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["metrolink"] = ["stop", "zone", "concession"],
        ["northbus"] = ["stop", "zone", "card"],
    };

    /// <summary>Dimensions of the validations counter, from <see cref="TapFields.Catalogue"/>.</summary>
    public List<string> MetricDimensions { get; set; } = ["zone", "mode", "concession"];

    /// <summary>Tag prefix per operator.</summary>
    public Dictionary<string, string> Prefixes { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["metrolink"] = "ml.",
        ["northbus"] = "nb.",
    };

    public string PrefixFor(string op) => Prefixes.TryGetValue(op, out var p) ? p : "tap.";
}

public static class TapFields
{
    public static readonly Dictionary<string, Func<TapEvent, object?>> Catalogue = new(StringComparer.OrdinalIgnoreCase)
    {
        ["stop"] = t => t.StopCode,
        ["zone"] = t => t.Zone,
        ["mode"] = t => t.Mode,
        ["concession"] = t => t.Concession,
        ["reader"] = t => t.ReaderId,
        ["card_last4"] = t => t.CardLastFour,
        ["card"] = t => t.CardNumber,
        ["rider"] = t => t.RiderId,
    };

    /// <summary>The only fields a metric may carry: each is a small, fixed set.</summary>
    public static readonly string[] MetricSafe = ["zone", "mode", "concession", "stop"];

    public static IEnumerable<KeyValuePair<string, object?>> Select(TapEvent tap, IEnumerable<string> names) =>
        names.Where(Catalogue.ContainsKey).Select(n => new KeyValuePair<string, object?>(n, Catalogue[n](tap)));
}

public sealed class CardHotlistedException(string cardNumber, string listSource)
    : Exception($"Card {cardNumber} is on the {listSource} hotlist")
{
    public string ListSource { get; } = listSource;
}

public sealed class ReaderClockSkewException(string readerId, TimeSpan skew)
    : Exception($"Reader {readerId} clock is {skew.TotalSeconds:F0}s out");
