namespace PrivacyHoldout139.Retail;

public sealed record UniformLine(string Sku, string Size, int Quantity, string? NameTape);

public sealed record UniformOrder(string OrderId, string SchoolUrn, string CustomerNumber, string PupilYearGroup, IReadOnlyList<UniformLine> Lines, string DeliveryPostcode);

/// <summary>School uniform orders: the school's list by year group, embroidered logos and woven name tapes, delivered home or to the store.</summary>
public sealed class UniformOrderService(Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<UniformOrderService> logger)
{
    private static readonly ActivitySource Source = new("SchoolPay.Uniform");
    private static readonly Meter Meter = new("SchoolPay.Uniform");
    private static readonly Counter<long> Items = Meter.CreateCounter<long>("uniform.items");

    private string? _lastNameTape;

    public void Place(UniformOrder order, string store)
    {
        using var span = Source.StartSchoolpayOperation(order.SchoolUrn)
            .SetSchoolpayPayerId(pseudonymizer.PseudonymizeSchoolpayPayerId(order.CustomerNumber)) // clean generated-api
            .SetSchoolpayStore(store); // clean precision-names
        span.Activity?.SetTag("uniform.order", order.OrderId); // clean precision-names
        span.Activity?.SetTag("uniform.year_group", order.PupilYearGroup); // clean precision-names
        span.Activity?.SetTag("uniform.delivery.district", order.DeliveryPostcode.Split(' ')[0]); // clean precision-about
        span.Activity?.SetTag("uniform.delivery.postcode", order.DeliveryPostcode); // leak TC1001 direct
        foreach (var line in order.Lines)
        {
            Items.Add(line.Quantity, new KeyValuePair<string, object?>("sku", line.Sku), new KeyValuePair<string, object?>("size", line.Size)); // clean precision-names
        }
        logger.LogInformation("Order lines {Lines}", order.Lines.Select(l => $"{l.Sku}x{l.Quantity}")); // clean strings
        logger.LogInformation("Order {Order}", order); // leak TC1001 logging-objects
        var tapes = order.Lines.Where(l => l.NameTape is not null).Select(l => l.NameTape!).ToList();
        span.Activity?.SetTag("uniform.name_tapes", tapes.Count); // clean precision-about
        if (tapes.Count > 0)
        {
            _lastNameTape = tapes[0];
            logger.LogInformation("Name tapes to weave: {Tapes}", string.Join(" | ", tapes)); // leak TC1001 strings
        }
        var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(order.CustomerNumber))[0] % 6;
        Items.Add(0, new KeyValuePair<string, object?>("lane", lane)); // clean hashes
        var weakLane = order.CustomerNumber.GetHashCode() % 6;
        span.Activity?.SetTag("uniform.lane", weakLane); // leak TC1002 hashes
    }

    public void WeaverJammed(string machine)
    {
        Activity.Current?.SetTag("uniform.weaver", machine); // clean precision-names
        Activity.Current?.SetTag("uniform.weaver.last_tape", _lastNameTape); // leak TC1001 cross-member
    }
}
