namespace PrivacyHoldout140.Retail;

/// <summary>A kit to post to a tester's home.</summary>
public sealed record KitDispatch(string Programme, TesterKit Kit, string TesterId, string Name, string AddressLine, string Postcode, string LoyaltyCardNumber);

/// <summary>
/// Posts testers their kits, tracks the parcels and, when the tester returns the diary card, adds the thank-you
/// points to their loyalty card.
/// </summary>
public sealed class TesterKitShipments(ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<TesterKitShipments> logger)
{
    private readonly Counter<long> _dispatched = meter.CreateCounter<long>("testerclub.kits.dispatched", "{kit}");
    private readonly Counter<long> _points = meter.CreateCounter<long>("testerclub.points.awarded", "{point}");

    public KitShipmentLabel Dispatch(KitDispatch dispatch)
    {
        using var span = source.StartTesterclubOperation(dispatch.Programme);
        var label = new KitShipmentLabel($"SHP-{Guid.NewGuid():N}"[..14], dispatch.Kit.KitId, "royal-mail", $"RM{Random.Shared.NextInt64(100000000, 999999999)}GB");
        span.Activity?.SetTag("testerclub.kit.id", dispatch.Kit.KitId); // clean precision-names
        span.Activity?.SetTag("testerclub.shipment.tracking", label.TrackingNumber); // clean precision-names
        logger.LogInformation("Label printed {@Label}", label); // clean logging-objects
        logger.LogDebug("Dispatch {Dispatch}", dispatch); // leak TC1001 logging-objects
        logger.LogInformation("Posting to {Name}, {Address} {Postcode}", dispatch.Name, dispatch.AddressLine, dispatch.Postcode); // leak TC1001 direct
        span.Activity?.SetTag("testerclub.shipment.district", dispatch.Postcode[..^3].Trim()); // clean precision-about
        _dispatched.Add(1, new("programme", dispatch.Programme), new("variant", dispatch.Kit.Variant)); // clean precision-about

        var shard = BitConverter.ToUInt16(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(dispatch.TesterId))) % 32;
        span.Activity?.SetTag("testerclub.warehouse.shard", shard); // clean hashes
        var legacyRef = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(dispatch.LoyaltyCardNumber)))[..10];
        span.Activity?.SetTag("testerclub.crm.ref", legacyRef); // leak TC1002 hashes
        return label;
    }

    public void DiaryReturned(string programme, string testerId, string loyaltyCardNumber, int points)
    {
        using var span = source.StartTesterclubOperation(programme);
        span.SetTesterclubTesterId(pseudonymizer.PseudonymizeTesterclubTesterId(testerId)); // clean precision-pseudonym
        _points.Add(points, new KeyValuePair<string, object?>("programme", programme)); // clean precision-about
        _points.Add(points, new KeyValuePair<string, object?>("tester", pseudonymizer.PseudonymizeTesterclubTesterId(testerId).Value)); // leak TC1003 precision-pseudonym
        span.Activity?.SetTag("testerclub.card.last4", loyaltyCardNumber[^4..]); // clean precision-about
        span.Activity?.SetTag("loyalty.card", loyaltyCardNumber); // leak TC1001 direct
        logger.LogInformation("Points {Points} for tester {Tester}", points, pseudonymizer.ComputeTesterclubTesterId(testerId)); // clean precision-pseudonym
    }
}
