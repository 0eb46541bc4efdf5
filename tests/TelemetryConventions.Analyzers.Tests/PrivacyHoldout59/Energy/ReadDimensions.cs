using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;

namespace PrivacyHoldout59.Energy;

public sealed class UsageTelemetryOptions
{
    public const string Section = "Telemetry:Usage";

    public bool TagRegion { get; set; } = true;

    public bool TagTariff { get; set; } = true;

    public bool TagMeterModel { get; set; } = true;

    /// <summary>Turned on while the anomaly model was tuned; still on in production.</summary>
    public bool TagAccountOnAnomalies { get; set; } = true;

    public string AttributePrefix { get; set; } = "usage.";

    /// <summary>Keys dropped on top of <see cref="UsageAlertService.AlwaysDropped"/>.</summary>
    public List<string> ExtraDroppedKeys { get; set; } = [];

    /// <summary>Keys of <see cref="MeterRead"/>'s dimensions the alert note lists.</summary>
    public List<string> NoteDimensions { get; set; } = ["region", "tariff", "register"];
}

public sealed record MeterRead(
    string ReadId,
    string AccountNumber,
    string Mpan,
    string MeterSerial,
    string HolderEmail,
    string Postcode,
    string Region,
    string Tariff,
    string Register,
    decimal Kwh,
    string Kind,
    DateTimeOffset ReadAt);

/// <summary>
/// Dimensions declared once with member expressions; the name of each is the member's name in
/// snake case, so renaming a property renames its tag.
/// </summary>
public sealed class DimensionSet<T>
{
    private readonly List<(string Name, Func<T, object?> Get)> _dimensions = [];

    public DimensionSet<T> Add(Expression<Func<T, object?>> selector, string? name = null)
    {
        var body = selector.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : selector.Body;
        var member = body as MemberExpression;
        _dimensions.Add((name ?? Snake(member?.Member.Name ?? "value"), selector.Compile()));
        return this;
    }

    public IEnumerable<string> Names => _dimensions.Select(d => d.Name);

    public IEnumerable<KeyValuePair<string, object?>> For(T value) =>
        _dimensions.Select(d => new KeyValuePair<string, object?>(d.Name, d.Get(value)));

    private static string Snake(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}

public static class ReadDimensions
{
    /// <summary>What the ingest span carries for every read.</summary>
    public static readonly DimensionSet<MeterRead> Span = new DimensionSet<MeterRead>()
        .Add(r => r.ReadId)
        .Add(r => r.Region)
        .Add(r => r.Tariff)
        .Add(r => r.Register)
        .Add(r => r.Kwh)
        .Add(r => r.Mpan)
        .Add(r => r.MeterSerial.Substring(0, 3), "meter_model");

    /// <summary>What the data-quality dashboard groups reads by.</summary>
    public static readonly DimensionSet<MeterRead> Quality = new DimensionSet<MeterRead>()
        .Add(r => r.Region)
        .Add(r => r.Tariff)
        .Add(r => r.Kind)
        .Add(r => r.Mpan.Substring(0, 2), "distributor")
        .Add(r => r.MeterSerial.Substring(0, 3), "meter_model");
}
